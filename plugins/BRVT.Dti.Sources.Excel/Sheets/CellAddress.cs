using System.Globalization;
using System.Text;

namespace BRVT.Dti.Sources.Excel.Sheets;

/// <summary>A cell's 1-based row and column, written in A1 style (<c>C7</c>).</summary>
internal readonly record struct CellAddress(int Row, int Column)
{
    public const int MaxRow = 1_048_576;
    public const int MaxColumn = 16_384;

    public static bool TryParse(string? text, out CellAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var column = 0;
        var i = 0;
        for (; i < span.Length && char.IsAsciiLetter(span[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(span[i]) - 'A' + 1);
            if (column > MaxColumn)
            {
                return false;
            }
        }

        if (i == 0 || i == span.Length || span[i] == '0')
        {
            return false;
        }

        var rowText = span[i..];
        foreach (var c in rowText)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        if (!int.TryParse(rowText, NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row > MaxRow)
        {
            return false;
        }

        address = new CellAddress(row, column);
        return true;
    }

    /// <summary>Reads the column letters of a reference (<c>C</c> of <c>C7</c>); 0 when there are none.</summary>
    public static int ParseColumn(ReadOnlySpan<char> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > MaxColumn)
            {
                return 0;
            }
        }

        return column;
    }

    public static string ColumnName(int column)
    {
        var builder = new StringBuilder(3);
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            builder.Insert(0, (char)('A' + remainder));
            column = (column - 1) / 26;
        }

        return builder.ToString();
    }

    public override string ToString() => ColumnName(Column) + Row.ToString(CultureInfo.InvariantCulture);
}
