using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// Tells whether a row is of the period assessed: by a period column (compared trimmed, ignoring case), by a date
/// column (the date's year, quarter or month, as the assessed period is written: <c>2023</c>, <c>2023-Q2</c>,
/// <c>2023-07</c>), or by the source's fixed period. Rows of other periods are not errors; their reason is shared.
/// </summary>
/// <remarks>Not thread-safe (the cache of reasons).</remarks>
internal sealed class PeriodMatcher
{
    /// <summary>The date formats tried when the source names none.</summary>
    public static readonly string[] DefaultDateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm",
    ];

    private const int MaxCache = 10_000;
    private readonly string requested;
    private readonly string[] formats;
    private readonly bool isoFastPath;
    private readonly PeriodKind kind;
    private readonly int year;
    private readonly int part;
    private readonly Dictionary<string, string> reasons = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> reasonLookup;
    private readonly Dictionary<int, string> dateReasons = [];

    public PeriodMatcher(string requested, IReadOnlyList<string>? dateFormats)
    {
        this.requested = requested.Trim();
        formats = dateFormats is { Count: > 0 } ? [.. dateFormats] : DefaultDateFormats;
        isoFastPath = dateFormats is not { Count: > 0 };
        reasonLookup = reasons.GetAlternateLookup<ReadOnlySpan<char>>();
        (kind, year, part) = Parse(this.requested);
    }

    private enum PeriodKind
    {
        Unknown,
        Year,
        Quarter,
        Month,
    }

    public string Requested => requested;

    /// <summary>Checks a period cell.</summary>
    /// <returns>Whether the row is of the period assessed; otherwise <paramref name="reason"/> says why and <paramref name="error"/> whether the cell is wrong rather than of another period.</returns>
    public bool MatchesPeriod(ReadOnlySpan<char> cell, out string? reason, out bool error)
    {
        var text = cell.Trim();
        if (text.Equals(requested, StringComparison.OrdinalIgnoreCase))
        {
            reason = null;
            error = false;
            return true;
        }

        error = text.IsEmpty;
        if (error)
        {
            reason = $"the period cell is empty: write the period (e.g. {requested})";
            return false;
        }

        if (!reasonLookup.TryGetValue(text, out reason))
        {
            reason = OtherPeriod(TextKey.Show(cell));
            if (reasons.Count < MaxCache)
            {
                reasons[text.ToString()] = reason;
            }
        }

        return false;
    }

    /// <summary>Checks a date cell.</summary>
    /// <returns>Whether the date falls in the period assessed; otherwise <paramref name="reason"/> says why and <paramref name="error"/> whether the date cannot be read.</returns>
    /// <exception cref="DataSourceException">The period assessed is not a year, quarter or month.</exception>
    public bool MatchesDate(ReadOnlySpan<char> cell, string sourceName, out string? reason, out bool error)
    {
        if (kind == PeriodKind.Unknown)
        {
            throw new DataSourceException(sourceName,
                $"the period assessed '{requested}' is not a year (2023), a quarter (2023-Q2) or a month (2023-07), so dates cannot be mapped to it. Use a period column instead of a date column.",
                null);
        }

        var text = cell.Trim();
        if (!TryDate(text, out var y, out var m))
        {
            error = true;
            reason = text.IsEmpty
                ? "the date cell is empty: write the date the record belongs to"
                : $"{TextKey.Show(cell)} is not a date in the form {string.Join(" or ", formats.Take(3))}: correct it, or set \"dateFormat\" (e.g. \"dd/MM/yyyy\")";
            return false;
        }

        error = false;
        var (rowPart, key) = kind switch
        {
            PeriodKind.Year => (0, y * 100),
            PeriodKind.Quarter => (((m - 1) / 3) + 1, (y * 100) + ((m - 1) / 3) + 1),
            _ => (m, (y * 100) + m),
        };
        if (y == year && rowPart == part)
        {
            reason = null;
            return true;
        }

        if (!dateReasons.TryGetValue(key, out reason))
        {
            var period = kind switch
            {
                PeriodKind.Year => y.ToString(CultureInfo.InvariantCulture),
                PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{y}-Q{rowPart}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}"),
            };
            reason = OtherPeriod($"'{period}'");
            if (dateReasons.Count < MaxCache)
            {
                dateReasons[key] = reason;
            }
        }

        return false;
    }

    /// <summary>The reason for a row of another period.</summary>
    public string OtherPeriod(string shown) => $"period {shown} is not the period assessed ({requested}), so the row was not used";

    private bool TryDate(ReadOnlySpan<char> text, out int y, out int m)
    {
        if (isoFastPath && text.Length == 10 && text[4] == '-' && text[7] == '-'
            && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out m)
            && int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date))
        {
            // The date as written (in its own offset), not converted to the machine's time zone.
            y = date.DateTime.Year;
            m = date.DateTime.Month;
            return true;
        }

        y = 0;
        m = 0;
        return false;
    }

    private static (PeriodKind Kind, int Year, int Part) Parse(string period)
    {
        var text = period.AsSpan();
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return (PeriodKind.Year, y, 0);
        }

        if (text.Length == 7 && text[4] == '-' && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y))
        {
            if (text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4')
            {
                return (PeriodKind.Quarter, y, text[6] - '0');
            }

            if (int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
            {
                return (PeriodKind.Month, y, m);
            }
        }

        return (PeriodKind.Unknown, 0, 0);
    }
}
