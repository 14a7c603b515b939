using System.Text;
using BRVT.Dti.Reporting.Excel;
using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting;

/// <summary>
/// An Excel workbook (<c>report.xlsx</c>) for evaluators: a ranking sheet per group, the points of every unit on every
/// node, the explanation of every point down to its source row, self-assessed against verified values, the change
/// since the previous period and rank intervals when given, and the data issues and manifest. Numbers are numbers
/// (with number formats), headers are styled, panes frozen, columns fitted; the same content gives the same bytes.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class ExcelReportWriter : IReportWriter
{
    private const int MaxSheetName = 31;

    /// <inheritdoc />
    public string Name => "xlsx";

    /// <inheritdoc />
    public string FileName => "report.xlsx";

    /// <inheritdoc />
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var model = ReportModel.Create(content, cancellationToken);
        var bytes = XlsxPackage.Create(Sheets(model, cancellationToken), model.Decimals, cancellationToken);
        await ReportBytes.WriteAsync(destination, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The sheets of the workbook; the token is checked at every row.</summary>
    internal static List<XlsxSheet> Sheets(ReportModel model, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sheets = new List<XlsxSheet>();
        foreach (var group in model.Groups)
        {
            var name = model.Groups.Count == 1 ? model.Label("ranking") : $"{model.Label("ranking")} ({group.Key})";
            sheets.Add(Ranking(model, group, Unique(names, name), cancellationToken));
        }

        sheets.Add(PointsPerNode(model, Unique(names, model.Label("points-per-node")), cancellationToken));
        sheets.Add(Explanation(model, Unique(names, model.Label("explanation")), cancellationToken));
        sheets.Add(SelfAssessedVsVerified(model, Unique(names, model.Label("self-vs-verified")), cancellationToken));
        if (model.HasPrevious)
        {
            sheets.Add(YearOverYear(model, Unique(names, model.Label("year-over-year")), cancellationToken));
        }

        if (model.HasIntervals)
        {
            sheets.Add(Intervals(model, Unique(names, model.Label("intervals")), cancellationToken));
        }

        sheets.Add(Information(model, Unique(names, model.Label("manifest")), cancellationToken));
        return sheets;
    }

    /// <summary>
    /// A valid, unique sheet name: characters Excel forbids in sheet names (<c>: \ / ? * [ ]</c>), control characters
    /// and characters XML cannot hold (half of a surrogate pair, U+FFFE, U+FFFF) replaced by '-', at most 31
    /// characters, never cutting a surrogate pair, and never starting or ending with an apostrophe.
    /// </summary>
    internal static string Unique(HashSet<string> used, string name)
    {
        var clean = Clean(name);
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        var candidate = Cut(clean, MaxSheetName);
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = Cut(clean, MaxSheetName - suffix.Length) + suffix;
        }

        return candidate;
    }

    private static string Clean(string name)
    {
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                builder.Append(c).Append(name[++i]);
            }
            else
            {
                builder.Append(":\\/?*[]".Contains(c, StringComparison.Ordinal) || char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' ? '-' : c);
            }
        }

        return builder.ToString().Trim('\'', ' ');
    }

    /// <summary>The first <paramref name="length"/> characters at most, one fewer when the cut would split a surrogate pair; no apostrophe at the end.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length > length)
        {
            text = text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
        }

        return text.TrimEnd('\'');
    }

    private static XlsxSheet Ranking(ReportModel model, ReportGroup group, string name, CancellationToken cancellationToken)
    {
        var withinParent = group.Units.Any(u => u.RankWithinParent is not null);
        var sheet = new XlsxSheet(name) { FrozenRows = 1, FrozenColumns = withinParent ? 4 : 3 };
        var header = new List<string> { model.Label("rank") };
        if (withinParent)
        {
            header.Add(model.Label("rank-within-parent"));
        }

        header.AddRange([model.Label("code"), model.Label("name"), model.Label("group"), model.Label("points"), model.Label("max-points"), model.Label("dti"), model.Label("band")]);
        header.AddRange(model.MainNodes.Select(model.NodeTitle));
        header.AddRange(model.Result.Views.Select(v => model.Name(v.Name)));
        sheet.Header(header);
        foreach (var unit in group.Units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new List<XlsxCell> { XlsxCell.Of(unit.Rank) };
            if (withinParent)
            {
                row.Add(XlsxCell.Of(unit.RankWithinParent));
            }

            row.AddRange(
            [
                XlsxCell.Of(unit.Unit.Id),
                XlsxCell.Of(model.Name(unit.Unit.Name)),
                XlsxCell.Of(group.Name),
                XlsxCell.Of(unit.Total.Points, XlsxStyle.Points),
                XlsxCell.Of(unit.Total.MaxPoints, XlsxStyle.Points),
                XlsxCell.Of(unit.Total.Value, XlsxStyle.Ratio),
                XlsxCell.Of(model.BandName(unit.Band)),
            ]);
            row.AddRange(model.MainNodes.Select(n => XlsxCell.Of(unit.Nodes[n].Value, XlsxStyle.Ratio)));
            row.AddRange(unit.Views.Select(v => XlsxCell.Of(v.Value, XlsxStyle.Ratio)));
            sheet.Add(row);
        }

        if (!group.Ranked)
        {
            sheet.Add([]);
            sheet.Add(XlsxCell.Of(model.Label("not-ranked"), XlsxStyle.Note));
        }

        return sheet;
    }

    private static XlsxSheet PointsPerNode(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var result = model.Result;
        var sheet = new XlsxSheet(name) { FrozenRows = 2, FrozenColumns = 3, FilterRow = 0 };
        var header = new List<string> { model.Label("code"), model.Label("name"), model.Label("group") };
        header.AddRange(result.Nodes.Select((_, i) => i == 0 ? model.Label("points") : model.NodeTitle(i)));
        sheet.Header(header);
        var maxima = new List<XlsxCell> { XlsxCell.Of(model.Label("max-points"), XlsxStyle.Note), XlsxCell.Empty, XlsxCell.Empty };
        maxima.AddRange(result.Nodes.Select(n => XlsxCell.Of(n.MaxPoints, XlsxStyle.Points)));
        sheet.Add(maxima);
        foreach (var group in model.Groups)
        {
            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new List<XlsxCell> { XlsxCell.Of(unit.Unit.Id), XlsxCell.Of(model.Name(unit.Unit.Name)), XlsxCell.Of(group.Name) };
                row.AddRange(unit.Nodes.Select(s => XlsxCell.Of(s.Points, XlsxStyle.Points)));
                sheet.Add(row);
            }
        }

        return sheet;
    }

    private static XlsxSheet Explanation(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var sheet = new XlsxSheet(name) { FrozenRows = 1, FrozenColumns = 2 };
        sheet.Header(
        [
            model.Label("code"), model.Label("name"), model.Label("node-path"), model.Label("indicator"), model.Label("measure"), model.Label("value"),
            model.Label("rule"), model.Label("description"), model.Label("points"), model.Label("max-points"), model.Label("source"), model.Label("location"), model.Label("stage"),
        ]);
        var paths = model.Result.Nodes.Select((n, i) => (n.Id, Path: model.NodePath(i))).GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Path, StringComparer.Ordinal);
        foreach (var explanation in model.Explanations)
        {
            foreach (var leaf in Leaves(explanation.Root))
            {
                var path = paths.GetValueOrDefault(leaf.NodeId, leaf.Code);
                var inputs = leaf.Leaf!.Inputs.Count == 0 ? [null] : leaf.Leaf.Inputs.Cast<InputExplanation?>();
                foreach (var input in inputs)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    sheet.Add(
                    [
                        XlsxCell.Of(explanation.Unit.Id),
                        XlsxCell.Of(model.Name(explanation.Unit.Name)),
                        XlsxCell.Of(path),
                        XlsxCell.Of(model.Name(leaf.Name)),
                        XlsxCell.Of(input?.MeasureId),
                        input is null ? XlsxCell.Empty : XlsxCell.Of(input.Value, XlsxStyle.Value),
                        XlsxCell.Of(leaf.Leaf.Rule),
                        XlsxCell.Of(leaf.Leaf.Description),
                        XlsxCell.Of(leaf.Score.Points, XlsxStyle.Points),
                        XlsxCell.Of(leaf.Score.MaxPoints, XlsxStyle.Points),
                        XlsxCell.Of(input?.Provenance?.Source),
                        XlsxCell.Of(input?.Provenance?.Location),
                        XlsxCell.Of(input?.Provenance?.Stage),
                    ]);
                }
            }
        }

        if (model.Explanations.Count == 0)
        {
            sheet.Add(XlsxCell.Of(model.Label("none"), XlsxStyle.Note));
        }

        return sheet;
    }

    private static IEnumerable<NodeExplanation> Leaves(NodeExplanation node) =>
        node.Leaf is not null ? [node] : node.Children.SelectMany(Leaves);

    private static XlsxSheet SelfAssessedVsVerified(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var sheet = new XlsxSheet(name) { FrozenRows = 1, FrozenColumns = 2 };
        sheet.Header(
        [
            model.Label("code"), model.Label("name"), model.Label("measure"), model.Label("indicator"), model.Label("self-assessed"), model.Label("verified"),
            model.Label("difference"), model.Label("self-assessed") + " · " + model.Label("location"), model.Label("verified") + " · " + model.Label("location"),
        ]);
        foreach (var pair in model.StagePairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sheet.Add(
            [
                XlsxCell.Of(pair.Unit.Id),
                XlsxCell.Of(model.Name(pair.Unit.Name)),
                XlsxCell.Of(pair.MeasureId),
                XlsxCell.Of(pair.MeasureName),
                XlsxCell.Of(pair.SelfAssessed.Value, XlsxStyle.Value),
                XlsxCell.Of(pair.Verified.Value, XlsxStyle.Value),
                XlsxCell.Of(pair.Difference, XlsxStyle.Value),
                XlsxCell.Of(pair.SelfAssessed.Provenance.ToString()),
                XlsxCell.Of(pair.Verified.Provenance.ToString()),
            ]);
        }

        if (model.StagePairs.Count == 0)
        {
            sheet.Add(XlsxCell.Of(model.Label("self-vs-verified-none"), XlsxStyle.Note));
        }

        return sheet;
    }

    private static XlsxSheet YearOverYear(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var sheet = new XlsxSheet(name) { FrozenRows = 1, FrozenColumns = 2 };
        sheet.Header(
        [
            model.Label("code"), model.Label("name"), model.Label("group"), model.Label("rank-previous"), model.Label("rank"), model.Label("change-places"),
            model.Label("value-previous"), model.Label("dti"), model.Label("change-value"), model.Label("previous-period") + " · " + model.Label("band"), model.Label("band"),
        ]);
        foreach (var group in model.Groups)
        {
            foreach (var change in model.Changes(group))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = change.Current;
                sheet.Add(
                [
                    XlsxCell.Of(unit.Unit.Id),
                    XlsxCell.Of(model.Name(unit.Unit.Name)),
                    XlsxCell.Of(group.Name),
                    XlsxCell.Of(change.Previous?.Rank),
                    XlsxCell.Of(unit.Rank),
                    change.Places is { } places ? XlsxCell.Of(places, XlsxStyle.SignedInteger) : XlsxCell.Of(change.Previous is null ? model.Label("new") : string.Empty),
                    change.Previous is null ? XlsxCell.Empty : XlsxCell.Of(change.Previous.Total.Value, XlsxStyle.Ratio),
                    XlsxCell.Of(unit.Total.Value, XlsxStyle.Ratio),
                    XlsxCell.Of(change.ValueChange, XlsxStyle.SignedRatio),
                    XlsxCell.Of(change.Previous is null ? string.Empty : model.BandName(change.Previous.Band)),
                    XlsxCell.Of(model.BandName(unit.Band)),
                ]);
            }
        }

        return sheet;
    }

    private static XlsxSheet Intervals(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var sheet = new XlsxSheet(name) { FrozenRows = 1, FrozenColumns = 2 };
        sheet.Header([model.Label("code"), model.Label("name"), model.Label("group"), model.Label("rank"), model.Label("median"), model.Label("interval") + " (min)", model.Label("interval") + " (max)"]);
        foreach (var group in model.Groups)
        {
            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (model.Interval(unit.Unit.Id) is { } interval)
                {
                    sheet.Add(
                    [
                        XlsxCell.Of(unit.Unit.Id), XlsxCell.Of(model.Name(unit.Unit.Name)), XlsxCell.Of(group.Name), XlsxCell.Of(unit.Rank),
                        XlsxCell.Of(interval.Median, XlsxStyle.Value), XlsxCell.Of(interval.Low, XlsxStyle.Value), XlsxCell.Of(interval.High, XlsxStyle.Value),
                    ]);
                }
            }
        }

        return sheet;
    }

    private static XlsxSheet Information(ReportModel model, string name, CancellationToken cancellationToken)
    {
        var manifest = model.Result.Manifest;
        var sheet = new XlsxSheet(name) { FrozenRows = 0, FilterRow = -1 };
        void Pair(string label, string value) => sheet.Add(XlsxCell.Of(label), XlsxCell.Of(value));
        sheet.Add(XlsxCell.Of(model.Title, XlsxStyle.Header), XlsxCell.Of(string.Empty, XlsxStyle.Header));
        Pair(model.Label("index"), $"{manifest.IndexId} {manifest.IndexVersion}");
        Pair(model.Label("period"), manifest.Period);
        Pair(model.Label("definition-sha"), manifest.DefinitionSha256);
        Pair(model.Label("data-sha"), manifest.DataSha256);
        Pair(model.Label("library"), manifest.LibraryVersion);
        sheet.Add(XlsxCell.Of(model.Label("count")), XlsxCell.Of(manifest.UnitCount));
        sheet.Add(XlsxCell.Of(model.Label("observations")), XlsxCell.Of(manifest.ObservationCount));
        foreach (var (key, value) in manifest.Options)
        {
            Pair($"{model.Label("options")}: {key}", value);
        }

        sheet.Add([]);
        sheet.Add(XlsxCell.Of(model.Label("issues"), XlsxStyle.Header), XlsxCell.Of(model.Label("message"), XlsxStyle.Header), XlsxCell.Of(model.Label("source"), XlsxStyle.Header));
        foreach (var issue in model.Result.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sheet.Add(XlsxCell.Of(issue.Code), XlsxCell.Of(issue.Message), XlsxCell.Of(issue.Provenance?.ToString()));
        }

        if (model.Result.Issues.Count == 0)
        {
            sheet.Add(XlsxCell.Of(model.Label("issues-none"), XlsxStyle.Note));
        }

        return sheet;
    }
}
