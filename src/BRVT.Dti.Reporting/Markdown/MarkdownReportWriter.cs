using System.Text;
using BRVT.Dti.Reporting.Model;
using BRVT.Dti.Results;

namespace BRVT.Dti.Reporting;

/// <summary>
/// A Markdown summary (<c>report.md</c>) for an issue tracker, a wiki or an e-mail: ranking tables per group with the
/// main indicators, the distribution of bands, the top movers since the previous period, rank intervals, data issues
/// and the manifest. Text is escaped so that a unit's name cannot break a table or inject markup.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class MarkdownReportWriter : IReportWriter
{
    private const int MoverCount = 5;

    /// <inheritdoc />
    public string Name => "markdown";

    /// <inheritdoc />
    public string FileName => "report.md";

    /// <inheritdoc />
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var text = Build(ReportModel.Create(content, cancellationToken), cancellationToken);
        await ReportBytes.WriteAsync(destination, text, byteOrderMark: false, cancellationToken).ConfigureAwait(false);
    }

    internal static string Write(ReportModel model, CancellationToken cancellationToken = default) => Build(model, cancellationToken).ToString();

    private static StringBuilder Build(ReportModel model, CancellationToken cancellationToken)
    {
        var result = model.Result;
        var text = new StringBuilder();
        text.Append("# ").Append(Escape(model.Title)).Append("\n\n");
        text.Append(Escape($"{model.Label("index")}: {result.IndexId} {result.IndexVersion}"));
        if (model.Definition.Decision is { } decision)
        {
            text.Append(Escape($" ({decision})"));
        }

        text.Append(" · ").Append(Escape($"{model.Label("period")}: {result.Period}")).Append(" · ")
            .Append(Escape($"{model.Label("count")}: {result.Units.Count}")).Append("\n\n");

        foreach (var group in model.Groups)
        {
            WriteRanking(text, model, group, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        WriteBands(text, model);
        cancellationToken.ThrowIfCancellationRequested();
        if (model.HasPrevious)
        {
            WriteMovers(text, model, cancellationToken);
        }

        if (model.HasIntervals)
        {
            WriteIntervals(text, model, cancellationToken);
        }

        WriteIssues(text, model, cancellationToken);
        WriteManifest(text, model);
        return text;
    }

    private static void WriteRanking(StringBuilder text, ReportModel model, ReportGroup group, CancellationToken cancellationToken)
    {
        text.Append("## ").Append(Escape($"{model.Label("ranking")}: {group.Name}")).Append("\n\n");
        if (!group.Ranked)
        {
            text.Append('*').Append(Escape(model.Label("not-ranked"))).Append("*\n\n");
        }

        var header = new List<string> { model.Label("rank"), model.Label("unit"), model.Label("points"), model.Label("dti"), model.Label("band") };
        header.AddRange(model.MainNodes.Select(n => model.Result.Nodes[n].Code));
        var rows = group.Units.Select(unit =>
        {
            var row = new List<string>
            {
                ReportModel.Integer(unit.Rank),
                model.Name(unit.Unit.Name),
                $"{ReportModel.Points(unit.Total.Points)} / {ReportModel.Points(unit.Total.MaxPoints)}",
                model.Ratio(unit.Total.Value),
                model.BandName(unit.Band),
            };
            row.AddRange(model.MainNodes.Select(n => model.Ratio(unit.Nodes[n].Value)));
            return (IReadOnlyList<string>)row;
        });
        var numeric = new HashSet<int> { 0, 2, 3 };
        foreach (var i in Enumerable.Range(5, model.MainNodes.Count))
        {
            numeric.Add(i);
        }

        Table(text, header, rows, numeric, cancellationToken);
        if (model.MainNodes.Count > 0)
        {
            text.Append(Escape(model.Label("main-indicators") + ": " + string.Join("; ", model.MainNodes.Select(model.NodeTitle)))).Append("\n\n");
        }
    }

    private static void WriteBands(StringBuilder text, ReportModel model)
    {
        if (model.Bands.Count == 0)
        {
            return;
        }

        text.Append("## ").Append(Escape(model.Label("bands"))).Append("\n\n");
        var header = new List<string> { model.Label("band"), "≥", "<" };
        header.AddRange(model.Groups.Select(g => g.Name));
        var rows = model.Bands.Select(band =>
        {
            var row = new List<string> { band.Name, ReportModel.Fixed(band.From, 2), ReportModel.Fixed(band.To, 2) };
            row.AddRange(model.Groups.Select(g => ReportModel.Integer(g.Units.Count(u => string.Equals(u.Band, band.Id, StringComparison.Ordinal)))));
            return (IReadOnlyList<string>)row;
        }).ToList();
        Table(text, header, rows, [.. Enumerable.Range(1, header.Count - 1)], CancellationToken.None);
    }

    private static void WriteMovers(StringBuilder text, ReportModel model, CancellationToken cancellationToken)
    {
        var previous = model.Content.Previous!;
        text.Append("## ").Append(Escape($"{model.Label("movers")} ({model.Label("previous-period")}: {previous.Period})")).Append("\n\n");
        var changes = model.Groups.SelectMany(g => model.Changes(g).Select(c => (Group: g, Change: c))).Where(x => x.Change.Places is not null).ToList();
        var header = new List<string> { model.Label("unit"), model.Label("group"), model.Label("rank-previous"), model.Label("rank"), model.Label("change-places"), model.Label("change-value") };
        IReadOnlyList<string> Row((ReportGroup Group, RankChange Change) x) =>
        [
            model.Name(x.Change.Current.Unit.Name),
            x.Group.Name,
            ReportModel.Integer(x.Change.Previous!.Rank),
            ReportModel.Integer(x.Change.Current.Rank),
            Signed(x.Change.Places!.Value),
            SignedRatio(model, x.Change.ValueChange),
        ];

        var up = changes.Where(x => x.Change.Places > 0).OrderByDescending(x => x.Change.Places).ThenBy(x => x.Change.Current.Unit.Id, StringComparer.Ordinal).Take(MoverCount).ToList();
        var down = changes.Where(x => x.Change.Places < 0).OrderBy(x => x.Change.Places).ThenBy(x => x.Change.Current.Unit.Id, StringComparer.Ordinal).Take(MoverCount).ToList();
        text.Append("### ").Append(Escape(model.Label("moved-up"))).Append("\n\n");
        if (up.Count == 0)
        {
            text.Append(Escape(model.Label("none"))).Append("\n\n");
        }
        else
        {
            Table(text, header, up.Select(Row), [2, 3, 4, 5], cancellationToken);
        }

        text.Append("### ").Append(Escape(model.Label("moved-down"))).Append("\n\n");
        if (down.Count == 0)
        {
            text.Append(Escape(model.Label("none"))).Append("\n\n");
        }
        else
        {
            Table(text, header, down.Select(Row), [2, 3, 4, 5], cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var newcomers = model.Result.Units.Where(u => model.Previous(u.Unit.Id) is null).ToList();
        if (newcomers.Count > 0)
        {
            text.Append(Escape($"{model.Label("new")}: {string.Join(", ", newcomers.Select(u => model.Name(u.Unit.Name)))}")).Append("\n\n");
        }
    }

    private static void WriteIntervals(StringBuilder text, ReportModel model, CancellationToken cancellationToken)
    {
        text.Append("## ").Append(Escape(model.Label("intervals"))).Append("\n\n");
        var header = new List<string> { model.Label("unit"), model.Label("group"), model.Label("rank"), model.Label("median"), model.Label("interval") };
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in model.Groups)
        {
            foreach (var unit in group.Units)
            {
                if (model.Interval(unit.Unit.Id) is { } interval)
                {
                    rows.Add([model.Name(unit.Unit.Name), group.Name, ReportModel.Integer(unit.Rank), Rank(interval.Median), $"{Rank(interval.Low)}–{Rank(interval.High)}"]);
                }
            }
        }

        Table(text, header, rows, [2, 3, 4], cancellationToken);
    }

    private static void WriteIssues(StringBuilder text, ReportModel model, CancellationToken cancellationToken)
    {
        text.Append("## ").Append(Escape(model.Label("issues"))).Append("\n\n");
        if (model.Result.Issues.Count == 0)
        {
            text.Append(Escape(model.Label("issues-none"))).Append("\n\n");
            return;
        }

        foreach (var issue in model.Result.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Append("- `").Append(issue.Code.Replace("`", "'", StringComparison.Ordinal)).Append("` ").Append(Escape(issue.Message));
            if (issue.Provenance is { } provenance)
            {
                text.Append(" (").Append(Escape(provenance.ToString())).Append(')');
            }

            text.Append('\n');
        }

        text.Append('\n');
    }

    private static void WriteManifest(StringBuilder text, ReportModel model)
    {
        var manifest = model.Result.Manifest;
        text.Append("## ").Append(Escape(model.Label("manifest"))).Append("\n\n");
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { model.Label("index"), $"{manifest.IndexId} {manifest.IndexVersion}" },
            new[] { model.Label("period"), manifest.Period },
            new[] { model.Label("definition-sha"), manifest.DefinitionSha256 },
            new[] { model.Label("data-sha"), manifest.DataSha256 },
            new[] { model.Label("library"), manifest.LibraryVersion },
            new[] { model.Label("count"), ReportModel.Integer(manifest.UnitCount) },
            new[] { model.Label("observations"), ReportModel.Integer(manifest.ObservationCount) },
        };
        rows.AddRange(manifest.Options.Select(o => (IReadOnlyList<string>)[$"{model.Label("options")}: {o.Key}", o.Value]));
        Table(text, ["", ""], rows, [], CancellationToken.None);
    }

    /// <summary>A table; the token is checked at every row.</summary>
    private static void Table(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyCollection<int> numeric, CancellationToken cancellationToken)
    {
        text.Append('|');
        foreach (var cell in header)
        {
            text.Append(' ').Append(Escape(cell)).Append(" |");
        }

        text.Append("\n|");
        for (var i = 0; i < header.Count; i++)
        {
            text.Append(numeric.Contains(i) ? " ---: |" : " --- |");
        }

        text.Append('\n');
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Append('|');
            foreach (var cell in row)
            {
                text.Append(' ').Append(Escape(cell)).Append(" |");
            }

            text.Append('\n');
        }

        text.Append('\n');
    }

    private static string Signed(int value) => value > 0 ? "+" + ReportModel.Integer(value) : ReportModel.Integer(value);

    private static string SignedRatio(ReportModel model, double value)
    {
        var text = model.Ratio(value);
        return value > 0 && text.Length > 0 && text.AsSpan().IndexOfAnyExcept("0.") >= 0 ? "+" + text : text;
    }

    private static string Rank(double value) => ReportModel.Fixed(value, value == Math.Floor(value) ? 0 : 1);

    /// <summary>
    /// Escapes text for a Markdown table cell or paragraph: markup characters get a backslash, angle brackets and
    /// ampersands become entities (no raw HTML), line breaks become spaces.
    /// </summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '#' or '!':
                    builder.Append('\\').Append(c);
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}
