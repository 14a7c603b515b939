using System.Globalization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The tree of a composite index: indicators (level 1) grouped into aggregates level by level up to one index, with
/// weights, directions, targets, goalposts and denominators. Loaded from a COINr-style <c>iMeta</c> table with
/// <see cref="ParseIMetaCsv"/> or built in code with <see cref="Create"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CompositeStructure
{
    private readonly CompositeNode[] nodes;
    private readonly Dictionary<string, CompositeNode> byCode;
    private readonly Dictionary<string, string[]> children;

    private CompositeStructure(CompositeNode[] nodes, string[] groups, string[] denominators)
    {
        this.nodes = nodes;
        Nodes = Array.AsReadOnly(nodes);
        Groups = Array.AsReadOnly(groups);
        Denominators = Array.AsReadOnly(denominators);
        byCode = nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);
        children = nodes.Where(n => n.Parent is not null)
            .GroupBy(n => n.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Code).ToArray(), StringComparer.Ordinal);

        LeafCodes = [.. nodes.Where(n => n.IsIndicator).Select(n => n.Code)];
        AggregateCodes = [.. nodes.Where(n => !n.IsIndicator).Select((n, i) => (n, i)).OrderBy(x => x.n.Level).ThenBy(x => x.i).Select(x => x.n.Code)];
        Root = AggregateCodes[^1];

        var ordinal = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < LeafCodes.Length; l++)
        {
            ordinal[LeafCodes[l]] = l;
        }

        for (var a = 0; a < AggregateCodes.Length; a++)
        {
            ordinal[AggregateCodes[a]] = LeafCodes.Length + a;
        }

        var total = LeafCodes.Length + AggregateCodes.Length;
        Weights = new double[total];
        ParentOf = new int[total];
        foreach (var node in nodes)
        {
            var i = ordinal[node.Code];
            Weights[i] = node.Weight;
            ParentOf[i] = node.Parent is null ? -1 : ordinal[node.Parent];
        }

        ChildRefs = [.. AggregateCodes.Select(a => children[a].Select(c => ordinal[c]).ToArray())];
        Directions = [.. LeafCodes.Select(l => byCode[l].Direction)];
    }

    /// <summary>Every node, in the order given.</summary>
    public IReadOnlyList<CompositeNode> Nodes { get; }

    /// <summary>The indicator codes (level 1), in the order given.</summary>
    public IReadOnlyList<string> Indicators => Array.AsReadOnly(LeafCodes);

    /// <summary>The aggregate codes, bottom-up: by level, then in the order given; the index (root) is last.</summary>
    public IReadOnlyList<string> Aggregates => Array.AsReadOnly(AggregateCodes);

    /// <summary>The code of the index: the one node without a parent.</summary>
    public string Root { get; }

    /// <summary>The highest level (the index's).</summary>
    public int MaxLevel => byCode[Root].Level;

    /// <summary>Names of unit group columns declared with the structure (COINr <c>Type = Group</c>), for information.</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>Names of denominator columns declared with the structure (COINr <c>Type = Denominator</c>), for information.</summary>
    public IReadOnlyList<string> Denominators { get; }

    internal string[] LeafCodes { get; }

    internal string[] AggregateCodes { get; }

    /// <summary>The children of each aggregate (bottom-up order) as node ordinals: leaves first, then aggregates.</summary>
    internal int[][] ChildRefs { get; }

    /// <summary>Each node's weight by ordinal (leaves, then aggregates).</summary>
    internal double[] Weights { get; }

    /// <summary>Each node's parent ordinal, -1 for the root.</summary>
    internal int[] ParentOf { get; }

    /// <summary>Each leaf's direction (1 or -1).</summary>
    internal int[] Directions { get; }

    /// <summary>A node by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The node.</returns>
    /// <exception cref="KeyNotFoundException">No node has this code.</exception>
    public CompositeNode this[string code] =>
        byCode.TryGetValue(code, out var node) ? node : throw new KeyNotFoundException($"The structure has no node '{code}'.");

    /// <summary>Whether a node has this code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string code) => byCode.ContainsKey(code);

    /// <summary>The children of an aggregate, in the order given (empty for an indicator).</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The child codes.</returns>
    public IReadOnlyList<string> Children(string code) => children.TryGetValue(code, out var c) ? Array.AsReadOnly(c) : Array.AsReadOnly(Array.Empty<string>());

    /// <summary>
    /// Each node's effective weight in the index: the product, along its path to the root, of its weight divided by
    /// the sum of its siblings' weights (the root's is 1). With no missing data, the index is the sum over indicators
    /// of effective weight × normalised value when all aggregates are arithmetic means.
    /// </summary>
    /// <returns>Effective weights by code; the indicators' sum to 1, as do each level's.</returns>
    public IReadOnlyDictionary<string, double> EffectiveWeights()
    {
        var total = Weights.Length;
        var siblingSum = new double[total];
        for (var a = 0; a < ChildRefs.Length; a++)
        {
            var sum = 0.0;
            foreach (var c in ChildRefs[a])
            {
                sum += Weights[c];
            }

            foreach (var c in ChildRefs[a])
            {
                siblingSum[c] = sum;
            }
        }

        var effective = new double[total];
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        // Ordinals of aggregates rise bottom-up, so walking them downwards visits every parent before its children.
        for (var i = total - 1; i >= 0; i--)
        {
            effective[i] = ParentOf[i] < 0 ? 1 : effective[ParentOf[i]] * (siblingSum[i] > 0 ? Weights[i] / siblingSum[i] : 0);
            result[i < LeafCodes.Length ? LeafCodes[i] : AggregateCodes[i - LeafCodes.Length]] = effective[i];
        }

        return result.AsReadOnly();
    }

    /// <summary>Builds a structure and checks it, listing every problem.</summary>
    /// <param name="nodes">The nodes: indicators at level 1, aggregates above, exactly one root.</param>
    /// <param name="groups">Names of unit group columns, for information.</param>
    /// <param name="denominators">Names of denominator columns, for information.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="DefinitionException">The nodes do not form a valid tree; the message lists every problem.</exception>
    public static CompositeStructure Create(IEnumerable<CompositeNode> nodes, IEnumerable<string>? groups = null, IEnumerable<string>? denominators = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToArray();
        var problems = Check(list);
        if (problems.Count > 0)
        {
            throw new DefinitionException($"The composite structure has {problems.Count.ToString(CultureInfo.InvariantCulture)} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return new CompositeStructure(list, [.. groups ?? []], [.. denominators ?? []]);
    }

    /// <summary>
    /// Parses a COINr <c>iMeta</c> table. Required columns: <c>iCode</c>, <c>Level</c>, <c>Parent</c>, <c>Type</c>
    /// (<c>Indicator</c>, <c>Aggregate</c>, <c>Group</c>, <c>Denominator</c>; other types are ignored). Optional:
    /// <c>iName</c>, <c>Direction</c>, <c>Weight</c>, <c>Target</c>, <c>Denominator</c>, <c>GoalpostLow</c>,
    /// <c>GoalpostHigh</c>. <c>NA</c> or an empty cell is missing; numbers use the invariant culture.
    /// </summary>
    /// <param name="text">The CSV text with a header row.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="FormatException">A required column is missing or a cell is not a number (line and column given).</exception>
    /// <exception cref="DefinitionException">The rows do not form a valid tree.</exception>
    public static CompositeStructure ParseIMetaCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = CsvText.Parse(text);
        if (records.Count == 0)
        {
            throw new FormatException("The iMeta text is empty.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        int Column(string name, bool required)
        {
            var i = Array.IndexOf(header, name);
            return i < 0 && required ? throw new FormatException($"The iMeta header has no '{name}' column.") : i;
        }

        var code = Column("iCode", true);
        var level = Column("Level", true);
        var parent = Column("Parent", true);
        var type = Column("Type", true);
        var name = Column("iName", false);
        var direction = Column("Direction", false);
        var weight = Column("Weight", false);
        var target = Column("Target", false);
        var denominator = Column("Denominator", false);
        var low = Column("GoalpostLow", false);
        var high = Column("GoalpostHigh", false);

        var nodes = new List<CompositeNode>();
        var groups = new List<string>();
        var denominators = new List<string>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iMeta line {line}: {fields.Length} cells for {header.Length} columns."));
            }

            var id = CsvText.Text(fields[code]) ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iMeta line {line}: iCode is empty."));
            double? Number(int column)
            {
                if (column < 0)
                {
                    return null;
                }

                return CsvText.TryNumber(fields[column], out var v)
                    ? (double.IsNaN(v) ? null : v)
                    : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iMeta line {line}, column '{header[column]}': '{fields[column]}' is not a number."));
            }

            switch (CsvText.Text(fields[type]))
            {
                case "Indicator" or "Aggregate":
                    var lv = Number(level) ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iMeta line {line}: '{id}' has no Level."));
                    var dir = Number(direction) ?? 1;
                    nodes.Add(new CompositeNode(id, (int)lv, CsvText.Text(fields[parent]))
                    {
                        Name = name < 0 ? null : CsvText.Text(fields[name]),
                        Weight = Number(weight) ?? 1,
                        Direction = (int)dir,
                        Target = Number(target),
                        GoalpostLow = Number(low),
                        GoalpostHigh = Number(high),
                        Denominator = denominator < 0 ? null : CsvText.Text(fields[denominator]),
                    });
                    break;
                case "Group":
                    groups.Add(id);
                    break;
                case "Denominator":
                    denominators.Add(id);
                    break;
                default:
                    break;
            }
        }

        return Create(nodes, groups, denominators);
    }

    /// <summary>Reads an <c>iMeta</c> CSV file with <see cref="ParseIMetaCsv"/>.</summary>
    /// <param name="path">The file path (UTF-8).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The structure.</returns>
    /// <exception cref="FormatException">The file is not a valid table.</exception>
    /// <exception cref="DefinitionException">The rows do not form a valid tree.</exception>
    public static async Task<CompositeStructure> LoadIMetaCsvAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return ParseIMetaCsv(text);
    }

    /// <summary>A copy of this structure with some weights replaced.</summary>
    /// <param name="weights">New weights by node code.</param>
    /// <returns>The new structure.</returns>
    /// <exception cref="DefinitionException">A code is unknown or a weight is invalid.</exception>
    public CompositeStructure WithWeights(IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var unknown = weights.Keys.Where(k => !byCode.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new DefinitionException($"Unknown node code(s): {string.Join(", ", unknown)}.");
        }

        return Create(nodes.Select(n => weights.TryGetValue(n.Code, out var w) ? n with { Weight = w } : n), Groups, Denominators);
    }

    /// <summary>The ordinal of a node: leaves first, then aggregates bottom-up; -1 when absent.</summary>
    internal int Ordinal(string code)
    {
        var l = Array.IndexOf(LeafCodes, code);
        if (l >= 0)
        {
            return l;
        }

        var a = Array.IndexOf(AggregateCodes, code);
        return a < 0 ? -1 : LeafCodes.Length + a;
    }

    /// <summary>The code of a node ordinal.</summary>
    internal string CodeOf(int ordinal) => ordinal < LeafCodes.Length ? LeafCodes[ordinal] : AggregateCodes[ordinal - LeafCodes.Length];

    private static List<string> Check(CompositeNode[] nodes)
    {
        var problems = new List<string>();
        var byCode = new Dictionary<string, CompositeNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is null)
            {
                problems.Add("A node is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(node.Code))
            {
                problems.Add("A node has an empty code.");
                continue;
            }

            if (!byCode.TryAdd(node.Code, node))
            {
                problems.Add($"'{node.Code}': the code repeats.");
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var childCount = nodes.Where(n => n.Parent is not null).GroupBy(n => n.Parent!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var id = node.Code;
            if (node.Level < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{id}': level {node.Level} is below 1."));
            }

            if (!double.IsFinite(node.Weight) || node.Weight < 0)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{id}': weight {node.Weight} is not a finite number ≥ 0."));
            }

            if (node.Direction is not (1 or -1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{id}': direction {node.Direction} is neither 1 nor -1."));
            }

            if (node.GoalpostLow is { } lo && node.GoalpostHigh is { } hi && !(hi > lo))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{id}': the upper goalpost {hi} is not above the lower one {lo}."));
            }

            var hasChildren = childCount.ContainsKey(id);
            if (node.IsIndicator && hasChildren)
            {
                problems.Add($"'{id}': an indicator (level 1) has children.");
            }

            if (!node.IsIndicator && !hasChildren)
            {
                problems.Add($"'{id}': an aggregate has no children.");
            }

            if (node.Parent is { } p)
            {
                if (!byCode.TryGetValue(p, out var parent))
                {
                    problems.Add($"'{id}': the parent '{p}' is not a node.");
                }
                else if (parent.Level <= node.Level)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"'{id}': the parent '{p}' is at level {parent.Level}, not above {node.Level}."));
                }
            }
        }

        var roots = nodes.Where(n => n.Parent is null).Select(n => n.Code).ToList();
        if (roots.Count != 1)
        {
            problems.Add(roots.Count == 0 ? "No node is the root (a node without a parent)." : $"There are {roots.Count.ToString(CultureInfo.InvariantCulture)} roots ({string.Join(", ", roots)}); there must be one.");
        }
        else if (byCode[roots[0]].IsIndicator)
        {
            problems.Add($"'{roots[0]}': the root is an indicator.");
        }

        foreach (var (parent, _) in childCount)
        {
            if (byCode.ContainsKey(parent) && nodes.Where(n => n.Parent == parent).All(n => n.Weight <= 0))
            {
                problems.Add($"'{parent}': every child has weight 0.");
            }
        }

        return problems;
    }
}
