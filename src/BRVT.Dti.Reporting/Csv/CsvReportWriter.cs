using System.Text;
using BRVT.Dti.Reporting.Model;

namespace BRVT.Dti.Reporting;

/// <summary>
/// The ranking as CSV (<c>ranking.csv</c>, UTF-8 with a byte order mark so that Excel reads Vietnamese correctly):
/// one row per unit, groups in definition order and units in rank order, with the unit, its group, rank, rank within
/// its parent, points, maximum, the index value at the published decimals, the band and the value of every main
/// indicator and view. Numbers are culture-invariant (decimal point); a missing value is an empty field.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CsvReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public string FileName => "ranking.csv";

    /// <inheritdoc />
    public async Task WriteAsync(ReportContent content, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var text = Build(ReportModel.Create(content, cancellationToken), cancellationToken);
        await ReportBytes.WriteAsync(destination, text, byteOrderMark: true, cancellationToken).ConfigureAwait(false);
    }

    internal static string Write(ReportModel model, CancellationToken cancellationToken = default) => Build(model, cancellationToken).ToString();

    private static StringBuilder Build(ReportModel model, CancellationToken cancellationToken)
    {
        var result = model.Result;
        var builder = new StringBuilder();
        var header = new List<string> { "unit", "name", "group", "rank", "rank_within_parent", "points", "max_points", "value", "band", "band_name" };
        header.AddRange(model.MainNodes.Select(n => "value_" + result.Nodes[n].Code));
        header.AddRange(result.Views.Select(v => "view_" + v.Code));
        AppendRow(builder, header);
        foreach (var group in model.Groups)
        {
            foreach (var unit in group.Units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = new List<string>
                {
                    unit.Unit.Id,
                    model.Name(unit.Unit.Name),
                    unit.Unit.Group ?? string.Empty,
                    ReportModel.Integer(unit.Rank),
                    ReportModel.Integer(unit.RankWithinParent),
                    ReportModel.Points(unit.Total.Points),
                    ReportModel.Points(unit.Total.MaxPoints),
                    model.Ratio(unit.Total.Value),
                    unit.Band ?? string.Empty,
                    unit.Band is null ? string.Empty : model.BandName(unit.Band),
                };
                row.AddRange(model.MainNodes.Select(n => model.Ratio(unit.Nodes[n].Value)));
                row.AddRange(unit.Views.Select(v => model.Ratio(v.Value)));
                AppendRow(builder, row);
            }
        }

        return builder;
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Quote(cells[i]));
        }

        builder.Append('\n');
    }

    /// <summary>Quotes a field that holds a separator, a quote or a line break (RFC 4180); neutralises formula injection.</summary>
    internal static string Quote(string text)
    {
        // A cell starting with = + - @ is run as a formula by spreadsheets: prefix a quote mark (OWASP CSV injection).
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
