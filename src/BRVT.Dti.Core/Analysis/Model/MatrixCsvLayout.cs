namespace BRVT.Dti.Analysis;

/// <summary>The columns of a matrix CSV: which is the id, which are attributes (and which attribute), which are numbers (and which).</summary>
internal sealed class MatrixCsvLayout
{
    private MatrixCsvLayout(string[] header, int id, int[] attributes)
    {
        Header = header;
        Id = id;
        Attributes = attributes;
        Numeric = [.. Enumerable.Range(0, header.Length).Where(i => i != id && !attributes.Contains(i))];
        Roles = new int[header.Length];
        Array.Fill(Roles, int.MinValue);
        for (var n = 0; n < Numeric.Length; n++)
        {
            Roles[Numeric[n]] = n;
        }

        for (var a = attributes.Length - 1; a >= 0; a--)
        {
            Roles[attributes[a]] = -2 - a;
        }

        Roles[id] = -1;
    }

    public string[] Header { get; }

    public int Id { get; }

    /// <summary>Per column: -1 the id, -2 - a attribute a, n ≥ 0 numeric column n.</summary>
    public int[] Roles { get; }

    public int[] Numeric { get; }

    public int[] Attributes { get; }

    /// <exception cref="FormatException">The header lacks the id column or an attribute column.</exception>
    public static MatrixCsvLayout Of(string[] header, string unitIdColumn, IReadOnlyList<string> attributeColumns)
    {
        var id = Array.IndexOf(header, unitIdColumn);
        if (id < 0)
        {
            throw new FormatException($"The header has no unit id column '{unitIdColumn}'.");
        }

        var attributes = new int[attributeColumns.Count];
        for (var a = 0; a < attributes.Length; a++)
        {
            attributes[a] = Array.IndexOf(header, attributeColumns[a]);
            if (attributes[a] < 0)
            {
                throw new FormatException($"The header has no attribute column '{attributeColumns[a]}'.");
            }
        }

        return new MatrixCsvLayout(header, id, attributes);
    }
}
