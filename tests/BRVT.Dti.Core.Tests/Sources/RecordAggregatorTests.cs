using BRVT.Dti.Definitions;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Tests.Sources;

public sealed class RecordAggregatorTests
{
    private static MeasureDefinition Derived(string id, string function, string? field = null, string? filter = null, string? denominatorFilter = null, string records = "dossiers") => new()
    {
        Id = id,
        Name = new LocalizedText(id),
        Derivation = new MeasureDerivation { Records = records, Function = function, Field = field, Filter = filter, DenominatorFilter = denominatorFilter },
    };

    private static readonly string[] Fields = ["online", "on_time", "days", "satisfaction"];

    private static RecordAggregator Aggregate(params MeasureDefinition[] measures)
    {
        var aggregator = new RecordAggregator("dossiers", measures, Fields, 2);
        double[][] unit0 = [[1, 1, 3, 5], [0, 1, 5, double.NaN], [1, 0, 10, 3], [1, 1, 4, 4]];
        foreach (var row in unit0)
        {
            aggregator.Add(0, row);
        }

        aggregator.Add(1, [0, 0, 7, double.NaN]);
        return aggregator;
    }

    [Fact]
    public void Add_DossierRows_GivesCountsRatiosMeansAndExtremesPerUnit()
    {
        var aggregator = Aggregate(
            Derived("received", "count"),
            Derived("online_ratio", "ratio", filter: "online = 1"),
            Derived("on_time_online", "ratio", filter: "on_time = 1", denominatorFilter: "online = 1"),
            Derived("mean_days", "mean", field: "days"),
            Derived("mean_satisfaction", "mean", field: "satisfaction"),
            Derived("max_days", "max", field: "days"),
            Derived("late_days", "sum", field: "days", filter: "on_time = 0"));
        Assert.Equal([4.0, 0.75, 2.0 / 3, 5.5, 4, 10, 10], Enumerable.Range(0, 7).Select(m => aggregator.Value(m, 0)));
        Assert.Equal(1, aggregator.Value(0, 1));
        Assert.Equal(0, aggregator.Value(1, 1));
        Assert.True(double.IsNaN(aggregator.Value(2, 1)), "a ratio over no online dossiers has no value");
        Assert.True(double.IsNaN(aggregator.Value(4, 1)), "a mean of only empty cells has no value");
        Assert.Equal(3, aggregator.Count(4, 0));
    }

    [Fact]
    public void Merge_TwoPartitions_EqualsOnePass()
    {
        MeasureDefinition[] measures = [Derived("n", "count"), Derived("r", "ratio", filter: "online = 1"), Derived("lo", "min", field: "days")];
        var whole = new RecordAggregator("dossiers", measures, Fields, 1);
        var first = new RecordAggregator("dossiers", measures, Fields, 1);
        var second = new RecordAggregator("dossiers", measures, Fields, 1);
        double[][] rows = [[1, 1, 3, 5], [0, 1, 5, 2], [1, 0, 1, 3]];
        for (var i = 0; i < rows.Length; i++)
        {
            whole.Add(0, rows[i]);
            (i < 2 ? first : second).Add(0, rows[i]);
        }

        first.Merge(second);
        Assert.Equal(Enumerable.Range(0, 3).Select(m => whole.Value(m, 0)), Enumerable.Range(0, 3).Select(m => first.Value(m, 0)));
    }

    [Fact]
    public void Constructor_UnknownField_NamesTheMeasureAndTheFields()
    {
        var exception = Assert.Throws<ArgumentException>(() => new RecordAggregator("dossiers", [Derived("x", "mean", field: "dayz")], Fields, 1));
        Assert.Contains("'x'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'dayz'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OtherRecordSets_AreIgnored()
    {
        var aggregator = new RecordAggregator("dossiers", [Derived("a", "count"), Derived("b", "count", records: "inspections")], Fields, 1);
        Assert.Equal(["a"], aggregator.Measures.Select(m => m.Id));
        Assert.Empty(aggregator.RequiredFields);
    }
}
