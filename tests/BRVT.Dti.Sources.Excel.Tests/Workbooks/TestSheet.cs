namespace BRVT.Dti.Sources.Excel.Tests.Workbooks;

/// <summary>A sheet being written: cells by A1 reference and merged ranges.</summary>
public sealed class TestSheet(string name)
{
    public string Name { get; } = name;

    public Dictionary<(int Row, int Column, string Reference), object> Cells { get; } = [];

    public List<string> Merges { get; } = [];

    /// <summary>Sets a cell (<c>"C7"</c>).</summary>
    public TestSheet Set(string reference, object value)
    {
        var column = 0;
        var i = 0;
        for (; char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        var row = int.Parse(reference[i..], System.Globalization.CultureInfo.InvariantCulture);
        Cells[(row, column, reference.ToUpperInvariant())] = value;
        return this;
    }

    /// <summary>Sets a row of cells from a column letter onwards; null leaves a cell empty.</summary>
    public TestSheet Row(int row, string firstColumn, params object?[] values)
    {
        var column = firstColumn[0] - 'A';
        foreach (var value in values)
        {
            if (value is not null)
            {
                Set($"{(char)('A' + column)}{row}", value);
            }

            column++;
        }

        return this;
    }

    public TestSheet Merge(string range)
    {
        Merges.Add(range);
        return this;
    }
}
