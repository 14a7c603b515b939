using BRVT.Dti.Definitions;
using BRVT.Dti.Sources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Sources;

public sealed class RecordAggregatorBatchTests
{
    private static readonly string[] Fields = ["online", "done", "on_time", "days", "score"];

    private static readonly MeasureDefinition[] Measures =
    [
        Measure("count", "count"),
        Measure("online_count", "count", filter: "online = 1"),
        Measure("online_ratio", "ratio", filter: "online = 1"),
        Measure("on_time_ratio", "ratio", filter: "on_time = 1", denominatorFilter: "done = 1"),
        Measure("days_sum", "sum", field: "days", filter: "done = 1 and days >= 0.5"),
        Measure("days_mean", "mean", field: "days"),
        Measure("score_min", "min", field: "score"),
        Measure("score_max", "max", field: "score", filter: "missing(days) or days < 20"),
        Measure("score_mean", "mean", field: "score"),
        Measure("online_days_sum", "sum", field: "days", filter: "online = 1"),
        Measure("score_mean_late", "mean", field: "score", filter: "days > 100"),
        Measure("score_sum_early", "sum", field: "score", filter: "days <= 100"),
        Measure("not_done_count", "count", filter: "done != 1"),
        Measure("short_count", "count", filter: "days < 50"),
        Measure("high_ratio", "ratio", filter: "score >= 200"),
    ];

    [Property(MaxTest = 200)]
    public Property AddRowsAndStagedCommits_AnyRecordsInBatches_SameValuesAsAddingOneByOne() =>
        Prop.ForAll(
            (from units in Gen.Choose(1, 6)
             from rows in Gen.Choose(0, 300)
             from unit in Gen.ArrayOf(Gen.Choose(0, units - 1), rows)
             from values in Gen.ArrayOf(Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(double.NaN)), (2, Gen.Elements(0.0, 1.0)), (3, Gen.Choose(-100, 3000).Select(i => i / 7.0)), (1, Gen.Elements(-0.0, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300))), rows), Fields.Length)
             from cut in Gen.Choose(0, rows)
             select (units, unit, values, cut)).ToArbitrary(),
            c =>
            {
                var one = new RecordAggregator("dossiers", Measures, Fields, c.units);
                var batch = new RecordAggregator("dossiers", Measures, Fields, c.units);
                var staged = new RecordAggregator("dossiers", Measures, Fields, c.units);
                var row = new double[Fields.Length];
                for (var r = 0; r < c.unit.Length; r++)
                {
                    for (var f = 0; f < Fields.Length; f++)
                    {
                        row[f] = c.values[f][r];
                    }

                    one.Add(c.unit[r], row);
                }

                // Two batches: the first with columns of its own, the second reading the whole columns from an offset.
                batch.AddRows(c.unit.AsSpan(0, c.cut), [.. c.values.Select(v => v[..c.cut])]);
                batch.AddRows(c.unit.AsSpan(c.cut), [.. c.values.Select(v => v.Append(7.0).ToArray())], c.cut);

                // Staged out of order (the second batch first), committed in record order.
                var second = staged.Stage(c.unit.AsSpan(c.cut), c.values, c.cut);
                var first = staged.Stage(c.unit.AsSpan(0, c.cut), c.values);
                staged.Commit(first);
                staged.Commit(second);
                var differences = Enumerable.Range(0, Measures.Length)
                    .SelectMany(m => Enumerable.Range(0, c.units).Select(u => (m, u)))
                    .Where(x => new[] { batch, staged }.Any(other => BitConverter.DoubleToInt64Bits(one.Value(x.m, x.u)) != BitConverter.DoubleToInt64Bits(other.Value(x.m, x.u)) || one.Count(x.m, x.u) != other.Count(x.m, x.u)))
                    .Select(x => $"{Measures[x.m].Id} of unit {x.u}: {one.Value(x.m, x.u)} vs {batch.Value(x.m, x.u)} (rows) vs {staged.Value(x.m, x.u)} (staged)")
                    .ToList();
                return (differences.Count == 0).Label(string.Join("; ", differences.Take(5)));
            });

    [Fact]
    public void AddRows_MissingColumnOrUnitOutOfRange_Throws()
    {
        var aggregator = new RecordAggregator("dossiers", Measures, Fields, 2);
        var columns = Fields.Select(_ => new double[] { 1 }).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.AddRows([2], columns));
        Assert.Throws<ArgumentException>(() => aggregator.AddRows([0], [columns[0], null, columns[2], columns[3], columns[4]]));
        var batch = aggregator.Stage([0], columns);
        aggregator.Commit(batch);
        Assert.Throws<ArgumentException>(() => aggregator.Commit(batch));
        Assert.Throws<ArgumentException>(() => new RecordAggregator("dossiers", Measures, Fields, 2).Commit(aggregator.Stage([1], columns)));
    }

    private static MeasureDefinition Measure(string id, string function, string? field = null, string? filter = null, string? denominatorFilter = null) => new()
    {
        Id = id,
        Name = new(id),
        Derivation = new MeasureDerivation { Records = "dossiers", Function = function, Field = field, Filter = filter, DenominatorFilter = denominatorFilter },
    };
}
