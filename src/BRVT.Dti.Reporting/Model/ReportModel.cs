using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting.Model;

/// <summary>
/// What every writer needs, worked out once from a <see cref="ReportContent"/>: groups in definition order with their
/// units in rank order, the main indicators, bands with colours, year-over-year changes, rank intervals and
/// self-assessed/verified pairs, plus culture-invariant formatting.
/// </summary>
internal sealed class ReportModel
{
    /// <summary>Band colours, best band first: green, blue, amber, red, then more for longer band lists.</summary>
    private static readonly string[] BandPalette = ["#1b7f3b", "#2f6db5", "#d08c00", "#c0392b", "#7b4fa0", "#0f8b8d", "#8c564b", "#5f6b7a"];

    private readonly Dictionary<string, BandInfo> bandsById;
    private readonly Dictionary<string, UnitResult> previousById;
    private readonly Dictionary<string, RankInterval> intervalsById;

    private ReportModel(ReportContent content, CancellationToken cancellationToken)
    {
        Content = content;
        Language = ReportLabels.IsEnglish(content.Language) ? "en" : "vi";
        Decimals = Math.Clamp(content.Definition.Scale.Decimals, 0, 10);
        MainNodes = FindMainNodes(content.Result);
        Bands = [.. content.Definition.Bands
            .OrderByDescending(b => b.From)
            .Select((b, i) => new BandInfo(b.Id, Name(b.Name), b.From, b.To, BandPalette[i % BandPalette.Length], i))];
        bandsById = Bands.GroupBy(b => b.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Groups = BuildGroups(content, Label("all-units"));
        cancellationToken.ThrowIfCancellationRequested();
        previousById = content.Previous is { } previous
            ? previous.Units.GroupBy(u => u.Unit.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            : [];
        intervalsById = content.RankIntervals.GroupBy(r => r.UnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        StagePairs = BuildStagePairs(content, this, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var unitIndices = UnitIndices(content.Result);
        Explanations = [.. content.Explanations
            .Select(e => (Explanation: e, Index: unitIndices.GetValueOrDefault(e.Unit.Id, int.MaxValue)))
            .OrderBy(x => x.Index)
            .ThenBy(x => x.Explanation.Unit.Id, StringComparer.Ordinal)
            .Select(x => x.Explanation)];
    }

    /// <summary>The content reported on.</summary>
    public ReportContent Content { get; }

    /// <summary>The result reported on.</summary>
    public AssessmentResult Result => Content.Result;

    /// <summary>The definition of the index.</summary>
    public IndexDefinition Definition => Content.Definition;

    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>Whether labels are in English.</summary>
    public bool English => Language == "en";

    /// <summary>The published decimals of shares.</summary>
    public int Decimals { get; }

    /// <summary>The indices in <see cref="AssessmentResult.Nodes"/> of the main indicators.</summary>
    public IReadOnlyList<int> MainNodes { get; }

    /// <summary>The bands, best first.</summary>
    public IReadOnlyList<BandInfo> Bands { get; }

    /// <summary>The groups, in definition order, then groups the definition does not declare in ordinal order.</summary>
    public IReadOnlyList<ReportGroup> Groups { get; }

    /// <summary>Every self-assessed/verified pair, in unit order, then measure order.</summary>
    public IReadOnlyList<StagePair> StagePairs { get; }

    /// <summary>The explanations in unit order.</summary>
    public IReadOnlyList<UnitExplanation> Explanations { get; }

    /// <summary>Whether a previous result was given.</summary>
    public bool HasPrevious => Content.Previous is not null;

    /// <summary>Whether rank intervals were given.</summary>
    public bool HasIntervals => intervalsById.Count > 0;

    /// <summary>The index's title in the report language.</summary>
    public string Title => Name(Definition.Title);

    /// <summary>Builds the model.</summary>
    /// <param name="content">The content.</param>
    /// <param name="cancellationToken">Checked between the steps and within the loops over observations.</param>
    /// <returns>The model.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ReportModel Create(ReportContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(content.Definition);
        ArgumentNullException.ThrowIfNull(content.Result);
        cancellationToken.ThrowIfCancellationRequested();
        return new ReportModel(content, cancellationToken);
    }

    /// <summary>A label in the report language.</summary>
    /// <param name="key">The label's key.</param>
    /// <returns>The label.</returns>
    public string Label(string key) => ReportLabels.Get(key, Language);

    /// <summary>A localized name in the report language, falling back to Vietnamese.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The name.</returns>
    public string Name(LocalizedText text) => text.In(Language);

    /// <summary>A node's display name with its code.</summary>
    /// <param name="index">The node's index.</param>
    /// <returns>E.g. <c>1 Nhận thức số</c>.</returns>
    public string NodeTitle(int index)
    {
        var node = Result.Nodes[index];
        var name = Name(node.Name);
        return string.IsNullOrEmpty(node.Code) || string.Equals(node.Code, name, StringComparison.Ordinal) ? name : node.Code + " " + name;
    }

    /// <summary>The path of codes from the top level down to a node, e.g. <c>II › 7 › 7.3</c>.</summary>
    /// <param name="index">The node's index.</param>
    /// <returns>The path.</returns>
    public string NodePath(int index)
    {
        var codes = new List<string>();
        for (var n = index; n > 0; n = Result.Nodes[n].Parent)
        {
            codes.Add(Result.Nodes[n].Code);
        }

        codes.Reverse();
        return string.Join(" › ", codes);
    }

    /// <summary>The band of a unit, if any.</summary>
    /// <param name="id">The band identifier.</param>
    /// <returns>The band, or <see langword="null"/>.</returns>
    public BandInfo? Band(string? id) => id is not null && bandsById.TryGetValue(id, out var band) ? band : null;

    /// <summary>The band's display name, or an empty string.</summary>
    /// <param name="id">The band identifier.</param>
    /// <returns>The name.</returns>
    public string BandName(string? id) => Band(id)?.Name ?? id ?? string.Empty;

    /// <summary>The display name of a group.</summary>
    /// <param name="id">The group identifier.</param>
    /// <returns>The name.</returns>
    public string GroupName(string? id) => Groups.FirstOrDefault(g => string.Equals(g.Id, id, StringComparison.Ordinal))?.Name ?? id ?? string.Empty;

    /// <summary>The unit's result in the previous period, if given.</summary>
    /// <param name="unitId">The unit.</param>
    /// <returns>The previous result, or <see langword="null"/>.</returns>
    public UnitResult? Previous(string unitId) => previousById.GetValueOrDefault(unitId);

    /// <summary>The rank interval of a unit, if given.</summary>
    /// <param name="unitId">The unit.</param>
    /// <returns>The interval, or <see langword="null"/>.</returns>
    public RankInterval? Interval(string unitId) => intervalsById.GetValueOrDefault(unitId);

    /// <summary>The year-over-year changes of a group's units, in the group's order.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The changes.</returns>
    public IReadOnlyList<RankChange> Changes(ReportGroup group) => [.. group.Units.Select(u => new RankChange(u, Previous(u.Unit.Id)))];

    /// <summary>A share at the published decimals, or an empty string when it has no value.</summary>
    /// <param name="value">The share.</param>
    /// <returns>The text.</returns>
    public string Ratio(double value) => Fixed(value, Decimals);

    /// <summary>Points at two decimals, or an empty string when they have no value.</summary>
    /// <param name="value">The points.</param>
    /// <returns>The text.</returns>
    public static string Points(double value) => Fixed(value, 2);

    /// <summary>A number with fixed decimals, culture-invariant, or an empty string when it is not finite.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">The decimals.</param>
    /// <returns>The text.</returns>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return string.Empty;
        }

        var text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // Never print "-0.0000".
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }

    /// <summary>A number in round-trip form, culture-invariant, or an empty string when it is not finite.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Exact(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>An integer, culture-invariant.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The text, or an empty string for <see langword="null"/>.</returns>
    public static string Integer(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// The main indicators: the top-level nodes, unless there are fewer than three of them and the level below has
    /// some (the national DTI's two top-level groups hold its nine main indicators).
    /// </summary>
    private static int[] FindMainNodes(AssessmentResult result)
    {
        int[] Level(int depth) => [.. result.Nodes.Select((n, i) => (n, i)).Where(x => x.n.Depth == depth).Select(x => x.i)];
        var top = Level(1);
        if (top.Length < 3)
        {
            var second = Level(2);
            if (second.Length > top.Length && second.Length <= 30)
            {
                return second;
            }
        }

        return top;
    }

    private static List<ReportGroup> BuildGroups(ReportContent content, string allUnitsName)
    {
        var definition = content.Definition;
        var byGroup = content.Result.Units
            .GroupBy(u => u.Unit.Group ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var language = ReportLabels.IsEnglish(content.Language) ? "en" : "vi";
        var groups = new List<ReportGroup>();
        foreach (var group in definition.Groups)
        {
            if (byGroup.Remove(group.Id, out var members))
            {
                groups.Add(new ReportGroup(group.Id, group.Name.In(language), group.Ranked, Order(members)));
            }
        }

        foreach (var (key, members) in byGroup.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            groups.Add(key.Length == 0
                ? new ReportGroup(null, allUnitsName, true, Order(members))
                : new ReportGroup(key, key, true, Order(members)));
        }

        return groups;
    }

    private static List<UnitResult> Order(IEnumerable<UnitResult> units) =>
        [.. units
            .OrderBy(u => u.Rank ?? int.MaxValue)
            .ThenByDescending(u => double.IsFinite(u.Total.Value) ? u.Total.Value : double.NegativeInfinity)
            .ThenBy(u => u.Unit.Id, StringComparer.Ordinal)];

    /// <summary>The index of each unit id's first result (a lookup, not a scan per explanation: thousands of units).</summary>
    private static Dictionary<string, int> UnitIndices(AssessmentResult result)
    {
        var indices = new Dictionary<string, int>(result.Units.Count, StringComparer.Ordinal);
        for (var i = 0; i < result.Units.Count; i++)
        {
            indices.TryAdd(result.Units[i].Unit.Id, i);
        }

        return indices;
    }

    private static List<StagePair> BuildStagePairs(ReportContent content, ReportModel model, CancellationToken cancellationToken)
    {
        var measureOrder = content.Definition.Measures.Select((m, i) => (m, i)).ToDictionary(x => x.m.Id, x => x.i, StringComparer.Ordinal);
        var measureNames = content.Definition.Measures.ToDictionary(m => m.Id, m => model.Name(m.Name), StringComparer.Ordinal);
        var selfAssessed = new Dictionary<(string Unit, string Measure), Observation>();
        var verified = new Dictionary<(string Unit, string Measure), Observation>();
        var seen = 0;
        foreach (var observation in content.Observations)
        {
            if ((++seen & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (!string.Equals(observation.Period, content.Result.Period, StringComparison.Ordinal))
            {
                continue;
            }

            var stage = observation.Provenance?.Stage;
            var target = string.Equals(stage, "self-assessed", StringComparison.OrdinalIgnoreCase) ? selfAssessed
                : string.Equals(stage, "verified", StringComparison.OrdinalIgnoreCase) ? verified
                : null;
            target?.TryAdd((observation.UnitId, observation.MeasureId), observation);
        }

        var pairs = new List<StagePair>();
        var units = new Dictionary<string, (UnitInfo Unit, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < content.Result.Units.Count; i++)
        {
            units.TryAdd(content.Result.Units[i].Unit.Id, (content.Result.Units[i].Unit, i));
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var ((unitId, measureId), self) in selfAssessed
            .OrderBy(kv => units.TryGetValue(kv.Key.Unit, out var unit) ? unit.Index : int.MaxValue)
            .ThenBy(kv => kv.Key.Unit, StringComparer.Ordinal)
            .ThenBy(kv => measureOrder.GetValueOrDefault(kv.Key.Measure, int.MaxValue))
            .ThenBy(kv => kv.Key.Measure, StringComparer.Ordinal))
        {
            if ((++seen & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (units.TryGetValue(unitId, out var unit) && verified.TryGetValue((unitId, measureId), out var check))
            {
                pairs.Add(new StagePair(unit.Unit, measureId, measureNames.GetValueOrDefault(measureId, measureId), self, check));
            }
        }

        return pairs;
    }
}
