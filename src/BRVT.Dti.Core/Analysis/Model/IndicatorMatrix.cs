using System.Globalization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// A columnar table of indicator values: one row per unit, one <see cref="double"/> column per indicator (NaN is a
/// missing value), plus text attributes of the units (group columns such as a region or an income group).
/// </summary>
/// <remarks>
/// Immutable and thread-safe: the factory methods copy what they are given and no member hands out a writable view.
/// Unit ids and indicator codes are case-sensitive and unique.
/// </remarks>
public sealed class IndicatorMatrix
{
    private readonly string[] units;
    private readonly string[] codes;
    private readonly double[][] columns;
    private readonly string[] attributeNames;
    private readonly string?[][] attributes;
    private Dictionary<string, int>? unitIndex;
    private readonly Dictionary<string, int> codeIndex;
    private readonly Dictionary<string, int> attributeIndex;

    /// <summary>Wraps arrays without copying them; callers inside the library never write to them afterwards.</summary>
    /// <param name="units">The unit ids.</param>
    /// <param name="codes">The indicator codes.</param>
    /// <param name="columns">One column per code.</param>
    /// <param name="attributeNames">The attribute names.</param>
    /// <param name="attributes">One text column per attribute.</param>
    /// <param name="unitIdsChecked">Whether the caller has checked the unit ids (none null, none repeated): the index of
    /// them is then built when it is first needed, not here.</param>
    internal IndicatorMatrix(string[] units, string[] codes, double[][] columns, string[] attributeNames, string?[][] attributes, bool unitIdsChecked = false)
    {
        this.units = units;
        this.codes = codes;
        this.columns = columns;
        this.attributeNames = attributeNames;
        this.attributes = attributes;
        UnitIds = Array.AsReadOnly(units);
        Indicators = Array.AsReadOnly(codes);
        AttributeNames = Array.AsReadOnly(attributeNames);
        unitIndex = unitIdsChecked ? null : Index(units, "unit id");
        codeIndex = Index(codes, "indicator code");
        attributeIndex = Index(attributeNames, "attribute name");
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Length != units.Length)
            {
                throw new ArgumentException($"Column '{codes[c]}' has {columns[c].Length.ToString(CultureInfo.InvariantCulture)} values for {units.Length.ToString(CultureInfo.InvariantCulture)} units.", nameof(columns));
            }
        }

        for (var a = 0; a < attributes.Length; a++)
        {
            if (attributes[a].Length != units.Length)
            {
                throw new ArgumentException($"Attribute '{attributeNames[a]}' has {attributes[a].Length.ToString(CultureInfo.InvariantCulture)} values for {units.Length.ToString(CultureInfo.InvariantCulture)} units.", nameof(attributes));
            }
        }
    }

    /// <summary>The unit ids, in row order.</summary>
    public IReadOnlyList<string> UnitIds { get; }

    /// <summary>The indicator codes, in column order.</summary>
    public IReadOnlyList<string> Indicators { get; }

    /// <summary>The names of the text attributes of the units (group columns).</summary>
    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>The number of units (rows).</summary>
    public int UnitCount => units.Length;

    /// <summary>The number of indicators (columns).</summary>
    public int IndicatorCount => codes.Length;

    /// <summary>Creates a matrix, copying every array given.</summary>
    /// <param name="unitIds">The unit ids, unique.</param>
    /// <param name="indicators">The indicator codes, unique, one per column.</param>
    /// <param name="columns">One array per indicator with one value per unit; NaN for a missing value.</param>
    /// <param name="attributes">Text attributes of the units by name (null values are missing), or <see langword="null"/> for none.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">Ids or codes repeat, or a column or attribute has the wrong length.</exception>
    public static IndicatorMatrix Create(
        IReadOnlyList<string> unitIds,
        IReadOnlyList<string> indicators,
        IReadOnlyList<double[]> columns,
        IEnumerable<KeyValuePair<string, IReadOnlyList<string?>>>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(columns);
        if (indicators.Count != columns.Count)
        {
            throw new ArgumentException("There must be one column per indicator code.", nameof(columns));
        }

        var names = new List<string>();
        var values = new List<string?[]>();
        foreach (var (name, column) in attributes ?? [])
        {
            names.Add(name);
            values.Add([.. column]);
        }

        return new IndicatorMatrix([.. unitIds], [.. indicators], [.. columns.Select(c => (double[])c.Clone())], [.. names], [.. values]);
    }

    /// <summary>
    /// Parses a CSV table with one row per unit (COINr's <c>iData</c> layout): the id column, text attribute columns and
    /// numeric columns. Numbers are read with the invariant culture; an empty cell, <c>NA</c> or <c>NaN</c> is missing.
    /// </summary>
    /// <param name="text">The CSV text, with a header row.</param>
    /// <param name="unitIdColumn">The header of the unit id column (COINr: <c>uCode</c>).</param>
    /// <param name="attributeColumns">Headers of text columns kept as attributes (COINr: <c>uName</c> and the group columns).</param>
    /// <returns>The matrix: every other column is numeric, in file order.</returns>
    /// <exception cref="FormatException">A column is missing, a row has the wrong number of cells, an id is empty
    /// or repeated, or a numeric cell is not a number; the message names the line and column.</exception>
    public static IndicatorMatrix ParseCsv(string text, string unitIdColumn, IEnumerable<string>? attributeColumns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitIdColumn);
        var records = CsvText.Parse(text);
        if (records.Count == 0)
        {
            throw new FormatException("The CSV text is empty.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var idColumn = Array.IndexOf(header, unitIdColumn);
        if (idColumn < 0)
        {
            throw new FormatException($"The header has no unit id column '{unitIdColumn}'.");
        }

        var attributeSet = (attributeColumns ?? []).ToList();
        var attributeOrdinals = new int[attributeSet.Count];
        for (var a = 0; a < attributeSet.Count; a++)
        {
            attributeOrdinals[a] = Array.IndexOf(header, attributeSet[a]);
            if (attributeOrdinals[a] < 0)
            {
                throw new FormatException($"The header has no attribute column '{attributeSet[a]}'.");
            }
        }

        var numericOrdinals = Enumerable.Range(0, header.Length).Where(i => i != idColumn && !attributeOrdinals.Contains(i)).ToArray();
        var rows = records.Count - 1;
        var ids = new string[rows];
        var numbers = numericOrdinals.Select(_ => new double[rows]).ToArray();
        var texts = attributeOrdinals.Select(_ => new string?[rows]).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows; r++)
        {
            var (line, fields) = records[r + 1];
            if (fields.Length != header.Length)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: {fields.Length} cells for {header.Length} columns."));
            }

            ids[r] = CsvText.Text(fields[idColumn]) ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: the unit id is empty."));
            if (!seen.Add(ids[r]))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}: unit id '{ids[r]}' repeats."));
            }

            for (var a = 0; a < attributeOrdinals.Length; a++)
            {
                texts[a][r] = CsvText.Text(fields[attributeOrdinals[a]]);
            }

            for (var n = 0; n < numericOrdinals.Length; n++)
            {
                var cell = fields[numericOrdinals[n]];
                if (!CsvText.TryNumber(cell, out numbers[n][r]))
                {
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Line {line}, column '{header[numericOrdinals[n]]}': '{cell}' is not a number."));
                }
            }
        }

        return new IndicatorMatrix(ids, [.. numericOrdinals.Select(i => header[i])], numbers, [.. attributeSet], texts);
    }

    /// <summary>Reads a CSV file with <see cref="LoadCsv"/> (the calling thread waits while it parses in parallel).</summary>
    /// <param name="path">The file path (UTF-8).</param>
    /// <param name="unitIdColumn">The header of the unit id column.</param>
    /// <param name="attributeColumns">Headers of text columns kept as attributes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="FormatException">The file is not a valid table; see <see cref="ParseCsv"/>.</exception>
    public static Task<IndicatorMatrix> LoadCsvAsync(string path, string unitIdColumn, IEnumerable<string>? attributeColumns = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(LoadCsv(path, unitIdColumn, attributeColumns, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Reads a CSV file with the result and the error messages of <see cref="ParseCsv"/>, fast: the file is read as bytes
    /// in chunks of whole lines (about 1 MB), counted, then parsed in parallel straight into the columns; plain decimal
    /// numbers of up to eight characters are read eight at a time where the machine has AVX-512, by a short exact parser
    /// otherwise (the general one takes the rest). Unit ids are checked unique on all cores; the index used to look
    /// units up is built at the first lookup. Files with quoted fields, a carriage
    /// return inside a line or a UTF-16/32 byte order mark are read by <see cref="ParseCsv"/> itself.
    /// </summary>
    /// <param name="path">The file path (UTF-8, with or without a byte order mark).</param>
    /// <param name="unitIdColumn">The header of the unit id column.</param>
    /// <param name="attributeColumns">Headers of text columns kept as attributes.</param>
    /// <param name="maxDegreeOfParallelism">The most threads used; -1 (default) for all cores.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="FormatException">The file is not a valid table; see <see cref="ParseCsv"/>.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static IndicatorMatrix LoadCsv(string path, string unitIdColumn, IEnumerable<string>? attributeColumns = null, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(unitIdColumn);
        return MatrixCsvLoader.Load(path, unitIdColumn, [.. attributeColumns ?? []], maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>The values of one indicator, one per unit in row order.</summary>
    /// <param name="indicator">The column's position.</param>
    /// <returns>A read-only view of the column.</returns>
    public ReadOnlySpan<double> Column(int indicator) => columns[indicator];

    /// <summary>The values of one indicator, one per unit in row order.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>A read-only view of the column.</returns>
    /// <exception cref="KeyNotFoundException">The matrix has no such indicator.</exception>
    public ReadOnlySpan<double> Column(string indicator) => columns[IndicatorOrdinal(indicator)];

    /// <summary>One value.</summary>
    /// <param name="unitId">The unit id.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The value, NaN when missing.</returns>
    /// <exception cref="KeyNotFoundException">The matrix has no such unit or indicator.</exception>
    public double Value(string unitId, string indicator) => columns[IndicatorOrdinal(indicator)][UnitOrdinal(unitId)];

    /// <summary>One attribute of every unit (e.g. a group column).</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The values in row order; <see langword="null"/> where missing.</returns>
    /// <exception cref="KeyNotFoundException">The matrix has no such attribute.</exception>
    public IReadOnlyList<string?> Attribute(string name) =>
        Array.AsReadOnly(AttributeArray(name));

    /// <summary>The position of a unit, or -1.</summary>
    /// <param name="unitId">The unit id.</param>
    /// <returns>The row, or -1 when absent.</returns>
    public int IndexOfUnit(string unitId) => UnitIndex.GetValueOrDefault(unitId, -1);

    /// <summary>The position of an indicator, or -1.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The column, or -1 when absent.</returns>
    public int IndexOfIndicator(string indicator) => codeIndex.GetValueOrDefault(indicator, -1);

    /// <summary>Whether the matrix has an attribute of this name.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool HasAttribute(string name) => attributeIndex.ContainsKey(name);

    /// <summary>The number of missing values (NaN) in the matrix.</summary>
    /// <returns>The count.</returns>
    public int CountMissing()
    {
        var missing = 0;
        foreach (var column in columns)
        {
            foreach (var v in column)
            {
                missing += double.IsNaN(v) ? 1 : 0;
            }
        }

        return missing;
    }

    /// <summary>A matrix with only the given indicators, in the given order (attributes are kept).</summary>
    /// <param name="indicators">Indicator codes present in this matrix.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="KeyNotFoundException">An indicator is not in this matrix.</exception>
    public IndicatorMatrix Select(IEnumerable<string> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var chosen = indicators.ToArray();
        return new IndicatorMatrix(units, chosen, [.. chosen.Select(c => columns[IndicatorOrdinal(c)])], attributeNames, attributes);
    }

    /// <summary>The column array itself, for kernels that only read it.</summary>
    internal double[] ColumnArray(int indicator) => columns[indicator];

    /// <summary>The attribute array itself, for kernels that only read it.</summary>
    internal string?[] AttributeArray(string name) =>
        attributeIndex.TryGetValue(name, out var a) ? attributes[a] : throw new KeyNotFoundException($"The matrix has no attribute '{name}'.");

    /// <summary>A matrix with the same units and attributes and new columns (taken over without copying).</summary>
    internal IndicatorMatrix WithColumns(string[] newCodes, double[][] newColumns) => new(units, newCodes, newColumns, attributeNames, attributes);

    /// <summary>A matrix with the given rows only, in the given order.</summary>
    internal IndicatorMatrix SelectUnits(int[] rows)
    {
        var newColumns = columns.Select(c => rows.Select(r => c[r]).ToArray()).ToArray();
        var newAttributes = attributes.Select(a => rows.Select(r => a[r]).ToArray()).ToArray();
        return new IndicatorMatrix([.. rows.Select(r => units[r])], codes, newColumns, attributeNames, newAttributes);
    }

    /// <summary>A copy of every column, for steps that write a new matrix.</summary>
    internal double[][] CopyColumns() => [.. columns.Select(c => (double[])c.Clone())];

    internal string[] UnitArray => units;

    internal string[] CodeArray => codes;

    private int UnitOrdinal(string unitId) =>
        UnitIndex.TryGetValue(unitId, out var u) ? u : throw new KeyNotFoundException($"The matrix has no unit '{unitId}'.");

    private int IndicatorOrdinal(string indicator) =>
        codeIndex.TryGetValue(indicator, out var c) ? c : throw new KeyNotFoundException($"The matrix has no indicator '{indicator}'.");

    /// <summary>The index of unit ids, built at the first lookup when the ids came checked (thread-safe: a race builds it twice, one wins).</summary>
    private Dictionary<string, int> UnitIndex
    {
        get
        {
            if (Volatile.Read(ref unitIndex) is { } index)
            {
                return index;
            }

            var built = Index(units, "unit id");
            return Interlocked.CompareExchange(ref unitIndex, built, null) ?? built;
        }
    }

    private static Dictionary<string, int> Index(string[] keys, string what)
    {
        var index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(keys[i], what);
            if (!index.TryAdd(keys[i], i))
            {
                throw new ArgumentException($"The {what} '{keys[i]}' repeats.", what);
            }
        }

        return index;
    }
}
