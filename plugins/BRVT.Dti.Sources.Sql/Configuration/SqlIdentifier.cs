using System.Text;
using System.Text.RegularExpressions;

namespace BRVT.Dti.Sources.Sql.Configuration;

/// <summary>
/// A table or column name taken from a configuration, checked against a conservative pattern before any SQL is
/// written with it, and always quoted by the dialect afterwards (never interpolated raw).
/// </summary>
/// <remarks>
/// <para>
/// A name part starts with a letter or <c>_</c> and goes on with letters, combining marks, the digits 0–9 and
/// <c>_</c>. Letters are any Unicode letters, so Vietnamese names such as <c>hồ_sơ</c> or <c>đơn_vị</c> are allowed:
/// this is safe because every name is quoted, and quotes, spaces, semicolons, dashes, dots inside a part, control and
/// format characters (zero-width joiners, bidirectional marks) and every kind of quotation mark (<c>" ' `</c>, the
/// typographic and full-width ones) are not letters, so none of them can reach the SQL. A name must be written in
/// Unicode normal form C (composed, as keyboards write Vietnamese), since the database compares names byte by byte.
/// </para>
/// <para>
/// A table may be qualified by one schema (<c>schema.table</c>); a column may not. Each part is at most 63 bytes in
/// UTF-8, PostgreSQL's limit (longer names are silently cut by PostgreSQL, which would read another table).
/// Names are case-sensitive once quoted: write them as the database stores them (PostgreSQL stores unquoted names in
/// lower case).
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
internal sealed partial class SqlIdentifier
{
    /// <summary>The longest part, in UTF-8 bytes.</summary>
    public const int MaxPartBytes = 63;

    private SqlIdentifier(string text, IReadOnlyList<string> parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The name as written.</summary>
    public string Text { get; }

    /// <summary>The parts: one, or a schema and a table.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>Checks a name.</summary>
    /// <param name="text">The name as written.</param>
    /// <param name="allowSchema">Whether <c>schema.name</c> is allowed (tables) or not (columns).</param>
    /// <param name="identifier">The checked name.</param>
    /// <param name="problem">Why the name is refused, saying how to fix it.</param>
    /// <returns><see langword="true"/> when the name is acceptable.</returns>
    public static bool TryParse(string? text, bool allowSchema, out SqlIdentifier? identifier, out string problem)
    {
        identifier = null;
        problem = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            problem = "the name is empty; write the name of a table or column.";
            return false;
        }

        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            problem = $"the name '{Show(text)}' is not in Unicode normal form C (composed letters); retype it, or write its composed form '{text.Normalize(NormalizationForm.FormC)}'.";
            return false;
        }

        var pattern = allowSchema ? QualifiedName() : SimpleName();
        if (!pattern.IsMatch(text))
        {
            problem = $"'{Show(text)}' is not an acceptable {(allowSchema ? "table" : "column")} name. Use letters (Vietnamese letters are fine), digits 0-9 and _, starting with a letter or _"
                + (allowSchema ? ", optionally qualified by one schema as schema.table" : string.Empty)
                + "; quotes, spaces, punctuation and SQL are never accepted in names.";
            return false;
        }

        var parts = text.Split('.');
        foreach (var part in parts)
        {
            if (Encoding.UTF8.GetByteCount(part) > MaxPartBytes)
            {
                problem = $"the name part '{part}' is longer than {MaxPartBytes} bytes in UTF-8, which PostgreSQL would cut short; use a shorter name.";
                return false;
            }
        }

        identifier = new SqlIdentifier(text, parts);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Shows control and format characters as \uXXXX so that a message cannot hide them.</summary>
    private static string Show(string text)
    {
        var shown = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
            {
                shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }

    [GeneratedRegex(@"\A[\p{L}_][\p{L}\p{Mn}\p{Mc}0-9_]*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SimpleName();

    [GeneratedRegex(@"\A[\p{L}_][\p{L}\p{Mn}\p{Mc}0-9_]*(\.[\p{L}_][\p{L}\p{Mn}\p{Mc}0-9_]*)?\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex QualifiedName();
}
