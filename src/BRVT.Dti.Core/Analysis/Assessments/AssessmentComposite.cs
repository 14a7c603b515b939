using System.Globalization;
using BRVT.Dti.Compilation;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;

namespace BRVT.Dti.Analysis;

/// <summary>
/// An assessment of an index definition seen as a composite indicator, so that the analysis layer (uncertainty and
/// sensitivity, correlations) can work on it: the leaves' shares (0..1) as indicators, the definition's tree as the
/// structure, the weights the scoring engine uses, and a pipeline (no normalisation, weighted means) whose index
/// reproduces the published total share of every analysed unit.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe.</para>
/// <para>One composite covers one ranking group (groups are ranked apart). Its units are the group's units whose
/// ranking basis has a value; the others are listed in <see cref="LeftOut"/>. Nodes that apply to none of the units are
/// dropped, as are nodes whose weight is 0 (collected but not scored); a node that applies to some of the units and
/// not to others is refused, because the composite's weights are the same for every unit.</para>
/// <para>Weights: under a <c>sum</c> parent a node weighs its maximum points as the engine counts them (a <c>sum</c>
/// node's maximum shrinks with the children that do not apply), under a <c>mean</c> or <c>geometric</c> parent its
/// weight. Sum and mean nodes aggregate with <see cref="AggregationKind.Arithmetic"/>, geometric nodes with
/// <see cref="AggregationKind.Geometric"/>; one index cannot mix them here. A leaf left out under the <c>exclude</c>
/// policy is missing in <see cref="Data"/> and its parent is re-weighted over the others, as in the engine; the engine
/// also shrinks the maxima of a <c>sum</c> chain above it, which the composite does not (COINr's convention), so that
/// unit's nominal index can differ from its published total: <see cref="NominalDeviation"/> says by how much.</para>
/// <para>Ranks: the analysis ranks by exact value (ties only when equal), while the published ranking also ties values
/// equal at the published decimals or within the tie tolerance, and ranks communes within their district; a nominal
/// rank can therefore differ from the published one where scores nearly tie.</para>
/// </remarks>
/// <example>
/// <code>
/// var result = plan.Assess(units, observations, "2024");
/// foreach (var composite in AssessmentComposite.ForEachRankedGroup(plan, result))
/// {
///     var analysis = composite.RunUncertainty(new UncertaintyOptions { Replications = 2000, Seed = 1, ExcludeIndicators = true });
///     foreach (var band in analysis.Units)
///     {
///         // band.Unit, band.NominalRank, band.MedianRank, band.Percentile5 … band.Percentile95
///     }
/// }
/// </code>
/// </example>
public sealed class AssessmentComposite
{
    /// <summary>The names of the unit attributes copied into <see cref="Data"/>: the unit's group, kind and parent unit.</summary>
    public static readonly IReadOnlyList<string> AttributeNames = ["group", "kind", "parent"];

    private AssessmentComposite(string? group, CompositePipeline pipeline, IndicatorMatrix data, string target, LeftOutUnit[] leftOut, double deviation, string[] notes)
    {
        Group = group;
        Pipeline = pipeline;
        Data = data;
        Target = target;
        LeftOut = Array.AsReadOnly(leftOut);
        NominalDeviation = deviation;
        Notes = Array.AsReadOnly(notes);
    }

    /// <summary>The ranking group analysed, or <see langword="null"/> when the definition declares no groups.</summary>
    public string? Group { get; }

    /// <summary>The tree: the definition's nodes (identifiers as codes) with the engine's weights; the root is the index id.</summary>
    public CompositeStructure Structure => Pipeline.Structure;

    /// <summary>The analysed units (rows) and each scored leaf's share, 0..1 (columns); NaN where a leaf was left out.</summary>
    public IndicatorMatrix Data { get; }

    /// <summary>The nominal pipeline: no normalisation (shares are already comparable) and weighted means, any one child sufficing.</summary>
    public CompositePipeline Pipeline { get; }

    /// <summary>The aggregate the published ranking uses: the root (<c>total</c>) or the node named by the ranking policy.</summary>
    public string Target { get; }

    /// <summary>The group's units that are not analysed (no value on the ranking basis), with the reason.</summary>
    public IReadOnlyList<LeftOutUnit> LeftOut { get; }

    /// <summary>
    /// The largest difference, over the analysed units, between the nominal pipeline's <see cref="Target"/> score and
    /// the published share it stands for (0 up to rounding when every node applies and nothing is excluded).
    /// </summary>
    public double NominalDeviation { get; }

    /// <summary>What the composite could not follow exactly, in words (empty when it follows the assessment exactly).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>One composite per ranked group that has units in the result, or one for all units when the definition declares no groups.</summary>
    /// <param name="plan">The plan the result was assessed with.</param>
    /// <param name="result">The assessment.</param>
    /// <returns>The composites, in the definition's group order.</returns>
    /// <exception cref="ArgumentException">The result is not the plan's, or a group cannot be represented (see <see cref="Create"/>).</exception>
    public static IReadOnlyList<AssessmentComposite> ForEachRankedGroup(ScoringPlan plan, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        var groups = plan.Definition.Groups;
        if (groups.Count == 0)
        {
            return [Create(plan, result)];
        }

        return [.. groups
            .Where(g => g.Ranked && result.Units.Any(u => u.Unit.Group == g.Id))
            .Select(g => Create(plan, result, g.Id))];
    }

    /// <summary>Builds the composite of one group of an assessment.</summary>
    /// <param name="plan">The plan the result was assessed with.</param>
    /// <param name="result">The assessment.</param>
    /// <param name="group">The ranking group to analyse; required when the definition declares groups, otherwise <see langword="null"/>.</param>
    /// <returns>The composite.</returns>
    /// <exception cref="ArgumentException">
    /// The result is not the plan's; the group is missing, unknown or has no unit with a value; a node applies to some
    /// of the group's units and not to others; or the index mixes geometric with sum or mean nodes.
    /// </exception>
    /// <exception cref="DefinitionException">A node identifier equals the index identifier (the composite's root code).</exception>
    public static AssessmentComposite Create(ScoringPlan plan, AssessmentResult result, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        var definition = plan.Definition;
        var nodes = plan.Nodes;
        if (result.IndexId != definition.Id || result.IndexVersion != definition.Version || result.Nodes.Count != nodes.Length
            || !result.Nodes.Select(n => n.Id).Skip(1).SequenceEqual(nodes.Skip(1).Select(n => n.Id), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"The result ({result.IndexId} {result.IndexVersion}) was not assessed with this plan ({definition.Id} {definition.Version}).", nameof(result));
        }

        if (definition.Groups.Count > 0)
        {
            if (group is null)
            {
                throw new ArgumentException(
                    $"The index ranks its groups apart ({string.Join(", ", definition.Groups.Select(g => g.Id))}): name the group to analyse, or use {nameof(ForEachRankedGroup)}.",
                    nameof(group));
            }

            if (!definition.Groups.Any(g => g.Id == group))
            {
                throw new ArgumentException(
                    $"The index has no group '{group}'; its groups are {string.Join(", ", definition.Groups.Select(g => g.Id))}.", nameof(group));
            }
        }
        else if (group is not null)
        {
            throw new ArgumentException($"The index declares no groups, so there is no group '{group}' to analyse; pass null.", nameof(group));
        }

        var notes = new List<string>();
        var target = RankingBasis(plan, notes);
        var (rows, leftOut) = SelectUnits(result, group, target);
        if (rows.Length == 0)
        {
            throw new ArgumentException(
                $"No unit{(group is null ? string.Empty : $" of group '{group}'")} has a value on '{result.Nodes[target].Id}', so there is nothing to analyse.",
                nameof(result));
        }

        var kept = KeptNodes(plan, result, rows, group);
        var weights = EffectiveWeights(plan, kept);
        var structure = BuildStructure(plan, kept, weights, out var kind);
        var data = BuildData(plan, result, rows, structure);
        var pipeline = new CompositePipelineBuilder(structure).Normalise(Normalisation.None()).Aggregate(kind).Build();
        var targetCode = target == 0 ? structure.Root : nodes[target].Id;
        if (!structure.Contains(targetCode) || structure[targetCode].IsIndicator)
        {
            throw new ArgumentException($"The ranking basis '{targetCode}' is not an aggregate that applies to the analysed units.", nameof(plan));
        }

        var nominal = pipeline.Run(data).Scores(targetCode);
        var deviation = 0.0;
        for (var r = 0; r < rows.Length; r++)
        {
            var published = result.Units[rows[r]].Nodes[target].Value;
            deviation = Math.Max(deviation, double.IsNaN(nominal[r]) ? double.PositiveInfinity : Math.Abs(nominal[r] - published));
        }

        var excluded = rows.Count(r => result.Units[r].Nodes.Any(s => (s.Flags & ScoreFlags.Excluded) != 0));
        if (excluded > 0)
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{excluded} unit(s) have leaves left out under the 'exclude' policy: their parents are re-weighted as in the engine, but the maxima of sum nodes above them are not shrunk, so their nominal scores can differ from the published ones (largest difference {deviation:G6})."));
        }

        return new AssessmentComposite(group, pipeline, data, targetCode, leftOut, deviation, [.. notes]);
    }

    /// <summary>Runs <see cref="UncertaintyAnalysis.Run"/> on this composite, ranking <see cref="Target"/> unless the options name another aggregate.</summary>
    /// <param name="options">What varies, how many replications, the seed.</param>
    /// <param name="progress">Receives the fraction of replications done (0..1), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>Rank bands per unit (<see cref="UncertaintyResult.Units"/>) and variance shares per input.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="DefinitionException">A chosen method needs parameters the definition does not give (goalposts, targets).</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public UncertaintyResult RunUncertainty(UncertaintyOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UncertaintyAnalysis.Run(Pipeline, Data, options.Target is null ? options with { Target = Target } : options, progress, cancellationToken);
    }

    private static int RankingBasis(ScoringPlan plan, List<string> notes)
    {
        var by = plan.Definition.Ranking.By;
        if (by == "total")
        {
            return 0;
        }

        if (plan.NodeIndex.TryGetValue(by, out var node) && !plan.Nodes[node].IsLeaf)
        {
            return node;
        }

        notes.Add($"The index ranks by '{by}', which is not a group node of the tree (a view or a leaf); the composite ranks the total instead.");
        return 0;
    }

    private static (int[] Rows, LeftOutUnit[] LeftOut) SelectUnits(AssessmentResult result, string? group, int target)
    {
        var rows = new List<int>();
        var leftOut = new List<LeftOutUnit>();
        for (var u = 0; u < result.Units.Count; u++)
        {
            var unit = result.Units[u];
            if (group is not null && unit.Unit.Group != group)
            {
                continue;
            }

            var basis = unit.Nodes[target];
            if (!double.IsNaN(basis.Value))
            {
                rows.Add(u);
                continue;
            }

            var reason = (basis.Flags & ScoreFlags.NotApplicable) != 0 ? $"'{result.Nodes[target].Id}' does not apply to the unit"
                : (basis.Flags & ScoreFlags.Missing) != 0 ? $"'{result.Nodes[target].Id}' has no value: data were missing under the 'missing' policy"
                : (basis.Flags & ScoreFlags.Excluded) != 0 ? $"every leaf below '{result.Nodes[target].Id}' was left out under the 'exclude' policy"
                : $"'{result.Nodes[target].Id}' has no value (its maximum is 0)";
            leftOut.Add(new LeftOutUnit(unit.Unit.Id, reason));
        }

        return ([.. rows], [.. leftOut]);
    }

    /// <summary>Which nodes the composite keeps: those that apply to every analysed unit (root included).</summary>
    private static bool[] KeptNodes(ScoringPlan plan, AssessmentResult result, int[] rows, string? group)
    {
        var nodes = plan.Nodes;
        var kept = new bool[nodes.Length];
        kept[0] = true;
        for (var n = 1; n < nodes.Length; n++)
        {
            var applies = rows.Count(r => (result.Units[r].Nodes[n].Flags & ScoreFlags.NotApplicable) == 0);
            if (applies > 0 && applies < rows.Length)
            {
                var example = rows.First(r => (result.Units[r].Nodes[n].Flags & ScoreFlags.NotApplicable) != 0);
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Node '{nodes[n].Id}' applies to {applies} of the {rows.Length} analysed units{(group is null ? string.Empty : $" of group '{group}'")} (not to '{result.Units[example].Unit.Id}'); the composite needs the same nodes for every unit: analyse units of one kind, or give the node's units a group of their own."),
                    nameof(result));
            }

            kept[n] = applies > 0 && kept[nodes[n].Parent];
        }

        return kept;
    }

    /// <summary>Each kept node's weight in its parent, as <c>TreeEvaluator</c> counts it when every kept node is present.</summary>
    private static double[] EffectiveWeights(ScoringPlan plan, bool[] kept)
    {
        var nodes = plan.Nodes;
        var weights = new double[nodes.Length];
        for (var n = nodes.Length - 1; n >= 0; n--)
        {
            var node = nodes[n];
            if (!kept[n])
            {
                continue;
            }

            if (node.IsLeaf)
            {
                weights[n] = node.Capacity;
                continue;
            }

            var present = node.Children.Where(c => kept[c]).Sum(c => weights[c]);
            var parentIsSum = node.Parent < 0 || nodes[node.Parent].Aggregation == AggregationMethod.Sum;
            weights[n] = parentIsSum && node.Aggregation == AggregationMethod.Sum && node.ChildCapacity > 0
                ? present * node.Capacity / node.ChildCapacity
                : node.Capacity;
        }

        return weights;
    }

    private static CompositeStructure BuildStructure(ScoringPlan plan, bool[] kept, double[] weights, out AggregationKind kind)
    {
        var nodes = plan.Nodes;

        // A node stays when it is kept, weighs something (the root always does) and, for a group node, keeps a child.
        var stays = new bool[nodes.Length];
        var level = new int[nodes.Length];
        for (var n = nodes.Length - 1; n >= 0; n--)
        {
            if (!kept[n] || (n > 0 && !(weights[n] > 0)))
            {
                continue;
            }

            if (nodes[n].IsLeaf)
            {
                stays[n] = true;
                level[n] = 1;
                continue;
            }

            var children = nodes[n].Children.Where(c => stays[c]).ToArray();
            stays[n] = children.Length > 0;
            level[n] = children.Length > 0 ? 1 + children.Max(c => level[c]) : 0;
        }

        if (!stays[0])
        {
            throw new ArgumentException("No scored leaf applies to the analysed units, so there is nothing to analyse.", nameof(plan));
        }

        var methods = Enumerable.Range(0, nodes.Length)
            .Where(n => stays[n] && !nodes[n].IsLeaf && nodes[n].Children.Count(c => stays[c]) > 1)
            .Select(n => nodes[n].Aggregation == AggregationMethod.WeightedGeometricMean)
            .Distinct()
            .ToArray();
        if (methods.Length > 1)
        {
            throw new ArgumentException(
                "The index mixes geometric nodes with sum or mean nodes; the composite aggregates every node one way, so it cannot follow this index.", nameof(plan));
        }

        kind = methods is [true] ? AggregationKind.Geometric : AggregationKind.Arithmetic;
        var composite = new List<CompositeNode>();
        for (var n = 0; n < nodes.Length; n++)
        {
            if (stays[n])
            {
                composite.Add(new CompositeNode(nodes[n].Id, level[n], n == 0 ? null : nodes[nodes[n].Parent].Id)
                {
                    Name = nodes[n].Name.Vi,
                    Weight = n == 0 ? 1 : weights[n],
                });
            }
        }

        return CompositeStructure.Create(composite);
    }

    private static IndicatorMatrix BuildData(ScoringPlan plan, AssessmentResult result, int[] rows, CompositeStructure structure)
    {
        var leaves = structure.Indicators;
        var columns = leaves.Select(code =>
        {
            var n = plan.NodeIndex[code];
            return rows.Select(r => result.Units[r].Nodes[n].Value).ToArray();
        }).ToArray();
        var units = rows.Select(r => result.Units[r].Unit).ToArray();
        IReadOnlyList<string?>[] attributes =
        [
            [.. units.Select(u => u.Group)],
            [.. units.Select(u => (string?)u.Kind)],
            [.. units.Select(u => u.ParentId)],
        ];
        return IndicatorMatrix.Create(
            [.. units.Select(u => u.Id)],
            leaves,
            columns,
            AttributeNames.Select((name, i) => KeyValuePair.Create(name, attributes[i])));
    }
}
