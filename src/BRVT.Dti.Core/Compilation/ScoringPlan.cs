using System.Globalization;
using BRVT.Dti.Compilation;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Evaluation;
using BRVT.Dti.Explanations;
using BRVT.Dti.Results;

namespace BRVT.Dti;

/// <summary>
/// A compiled index definition: flat arrays of nodes, one kernel per leaf, computed measures in dependency order.
/// Compile once with <see cref="DtiEngine"/>, then prepare data and assess as often as needed.
/// </summary>
/// <remarks>Immutable and thread-safe: one plan may assess many data sets from many threads at once.</remarks>
public sealed class ScoringPlan
{
    internal ScoringPlan(IndexDefinition definition, string definitionSha256, PlanNode[] nodes, PlanLeaf[] leaves, PlanMeasure[] measures, DtiLimits limits)
    {
        Limits = limits;
        Definition = definition;
        DefinitionSha256 = definitionSha256;
        Nodes = nodes;
        Leaves = leaves;
        Measures = measures;
        ResultNodes = [.. nodes.Select(n => new ResultNode(n.Id, n.Code, n.Name, n.Parent, n.Depth, n.IsLeaf, n.NominalMax))];
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < nodes.Length; i++)
        {
            nodeIndex[nodes[i].Id] = i;
        }

        NodeIndex = nodeIndex;
        ViewNodes = [.. definition.Views.Select(v => v.Nodes.Select(id => nodeIndex[id]).ToArray())];
        ResultViews = [.. definition.Views.Select((v, i) => new ResultView(v.Id, v.Code ?? v.Id, v.Name, v.Nodes, ViewNodes[i].Sum(n => nodes[n].NominalMax)))];
    }

    /// <summary>The definition the plan was compiled from.</summary>
    public IndexDefinition Definition { get; }

    /// <summary>The SHA-256 of the definition in canonical form (lower-case hex).</summary>
    public string DefinitionSha256 { get; }

    /// <summary>The nodes as results list them: root first, then the tree in preorder.</summary>
    public IReadOnlyList<ResultNode> ResultNodes { get; }

    /// <summary>The views as results list them.</summary>
    public IReadOnlyList<ResultView> ResultViews { get; }

    /// <summary>The limits of the engine that compiled the plan (<see cref="DtiLimits.MaxUnits"/> bounds <see cref="Prepare"/>).</summary>
    public DtiLimits Limits { get; }

    internal PlanNode[] Nodes { get; }

    internal PlanLeaf[] Leaves { get; }

    internal PlanMeasure[] Measures { get; }

    internal IReadOnlyDictionary<string, int> NodeIndex { get; }

    internal int[][] ViewNodes { get; }

    /// <summary>
    /// Prepares units and observations for assessment. Nothing is dropped silently: units of kinds or groups the index
    /// does not know, observations of unknown units or measures, duplicates and infinite values are reported in
    /// <see cref="AssessmentData.Issues"/>; observations of other periods are counted there.
    /// </summary>
    /// <param name="units">The units to assess.</param>
    /// <param name="observations">The observations; only those of <paramref name="period"/> are used.</param>
    /// <param name="period">The period to assess, e.g. <c>2023</c>.</param>
    /// <param name="cancellationToken">Stops the preparation.</param>
    /// <returns>The prepared data.</returns>
    /// <exception cref="LimitExceededException">There are more units than <see cref="DtiLimits.MaxUnits"/>.</exception>
    /// <exception cref="OperationCanceledException">The preparation was cancelled.</exception>
    public AssessmentData Prepare(IReadOnlyList<UnitInfo> units, IEnumerable<Observation> observations, string period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        if (units.Count > Limits.MaxUnits)
        {
            throw new LimitExceededException(
                nameof(DtiLimits) + "." + nameof(DtiLimits.MaxUnits),
                Limits.MaxUnits,
                units.Count,
                string.Create(CultureInfo.InvariantCulture,
                    $"Index '{Definition.Id}' was given {units.Count:N0} units for {period}, over the limit of {Limits.MaxUnits:N0} units (DtiLimits.MaxUnits). Assess fewer units at once, or raise the limit: services.AddDti(o => o.Limits = DtiLimits.Default with {{ MaxUnits = {units.Count} }}) or new DtiEngine(rules, DtiLimits.Default with {{ MaxUnits = {units.Count} }})."));
        }

        return AssessmentDataBuilder.Build(this, units, observations, period, cancellationToken);
    }

    /// <summary>Scores, aggregates, ranks and classifies every unit of prepared data.</summary>
    /// <param name="data">Data prepared by this plan's <see cref="Prepare"/>.</param>
    /// <param name="cancellationToken">Stops the assessment.</param>
    /// <returns>The result, with a manifest to reproduce it.</returns>
    /// <exception cref="ArgumentException">The data were prepared by another plan.</exception>
    /// <exception cref="OperationCanceledException">The assessment was cancelled.</exception>
    public AssessmentResult Assess(AssessmentData data, CancellationToken cancellationToken = default)
    {
        CheckOwnership(data);
        var workspace = CreateWorkspace(data);
        TreeEvaluator.Evaluate(this, data, workspace, cancellationToken);
        return ResultAssembler.Assemble(this, data, workspace, cancellationToken);
    }

    /// <summary>
    /// Allocates the buffers of an evaluation for data of <paramref name="data"/>'s size; reuse them with
    /// <see cref="Evaluate"/> for repeated evaluations that must not allocate.
    /// </summary>
    /// <param name="data">Data prepared by this plan (fixes the number of units).</param>
    /// <returns>The workspace.</returns>
    /// <exception cref="ArgumentException">The data were prepared by another plan.</exception>
    public ScoringWorkspace CreateWorkspace(AssessmentData data)
    {
        CheckOwnership(data);
        return new ScoringWorkspace(this, data.UnitArray.Length);
    }

    /// <summary>
    /// Scores, aggregates and ranks every unit into a reusable workspace, without building an
    /// <see cref="AssessmentResult"/>: the allocation-free path for repeated evaluations (the scores and ranks are those
    /// <see cref="Assess(AssessmentData, CancellationToken)"/> reports). Evaluating the same data again allocates
    /// nothing; new data of the same size allocate only the binding of their columns to the rule kernels.
    /// </summary>
    /// <param name="data">Data prepared by this plan.</param>
    /// <param name="workspace">A workspace of this plan for data of this size.</param>
    /// <param name="cancellationToken">Stops the evaluation between nodes.</param>
    /// <exception cref="ArgumentException">The data were prepared by another plan, or the workspace belongs to
    /// another plan or has another number of units.</exception>
    /// <exception cref="OperationCanceledException">The evaluation was cancelled.</exception>
    public void Evaluate(AssessmentData data, ScoringWorkspace workspace, CancellationToken cancellationToken = default)
    {
        CheckOwnership(data);
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Plan, this) || workspace.UnitCount != data.UnitArray.Length)
        {
            throw new ArgumentException("The workspace must come from this plan's CreateWorkspace for data with as many units.", nameof(workspace));
        }

        TreeEvaluator.Evaluate(this, data, workspace, cancellationToken);
    }

    /// <summary>Prepares and assesses in one call.</summary>
    /// <param name="units">The units to assess.</param>
    /// <param name="observations">The observations; only those of <paramref name="period"/> are used.</param>
    /// <param name="period">The period to assess.</param>
    /// <param name="cancellationToken">Stops the assessment.</param>
    /// <returns>The result.</returns>
    /// <exception cref="LimitExceededException">There are more units than <see cref="DtiLimits.MaxUnits"/>.</exception>
    /// <exception cref="OperationCanceledException">The assessment was cancelled.</exception>
    public AssessmentResult Assess(IReadOnlyList<UnitInfo> units, IEnumerable<Observation> observations, string period, CancellationToken cancellationToken = default) =>
        Assess(Prepare(units, observations, period, cancellationToken), cancellationToken);

    /// <summary>Explains every point of one unit: from the total down to each observation and where it came from.</summary>
    /// <param name="data">The data the result was assessed from.</param>
    /// <param name="result">The result.</param>
    /// <param name="unitId">The unit to explain.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The data were prepared by another plan.</exception>
    /// <exception cref="KeyNotFoundException">The unit is not in the result; the message lists how to find the ids.</exception>
    public UnitExplanation Explain(AssessmentData data, AssessmentResult result, string unitId)
    {
        CheckOwnership(data);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(unitId);
        return Explainer.Explain(this, data, result, unitId);
    }

    private void CheckOwnership(AssessmentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!ReferenceEquals(data.Plan, this))
        {
            throw new ArgumentException("The data were prepared by another plan. Prepare them with this plan's Prepare method.", nameof(data));
        }
    }
}
