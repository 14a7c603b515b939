using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis;

public sealed class PipelineTests
{
    [Fact]
    public void ParseJson_EveryStep_ReadsTheOptions()
    {
        var options = CompositeOptions.ParseJson("""
            {
              "denominate": true,
              "screening": { "minDataAvailability": 0.75 },
              "imputation": { "method": "groupMedian", "group": "region" },
              "outliers": { "maxWinsorisedPoints": 3, "logTransform": false },
              "normalisation": { "kind": "zScore", "mean": 10, "standardDeviation": 2 },
              "aggregation": { "kind": "geometric", "minDataShare": 0.5 }
            }
            """);
        Assert.True(options.Denominate);
        Assert.Equal(0.75, options.Screening!.MinDataAvailability);
        Assert.Equal(ImputationOptions.GroupMedian("region"), options.Imputation);
        Assert.Equal(new OutlierOptions { MaxWinsorisedPoints = 3, LogTransform = false }, options.Outliers);
        Assert.Equal(Normalisation.ZScore(10, 2), options.Normalisation);
        Assert.Equal(new AggregationOptions { Kind = AggregationKind.Geometric, MinDataShare = 0.5 }, options.Aggregation);
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var options = new CompositeOptions { Imputation = ImputationOptions.Mean(), Normalisation = Normalisation.Goalposts(100) };
        Assert.Equal(options, CompositeOptions.ParseJson(options.ToJson()));
        Assert.Contains("\"kind\": \"goalposts\"", options.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "normalisation": { "kind": "minmax2" } }""", "not valid JSON")]
    [InlineData("""{ "imputation": { "method": "groupMedian", "group": "x\uD800" } }""", "not valid JSON")]
    [InlineData("""{ "normalisation": { "kind": "\uDC00" } }""", "not valid JSON")]
    [InlineData("""{ "normalization": { "kind": "minMax" } }""", "normalization")]
    [InlineData("""{ "imputation": { "method": "groupMean" } }""", "needs the unit attribute")]
    [InlineData("""{ "aggregation": { "minDataShare": 2 } }""", "0..1")]
    public void ParseJson_InvalidOptions_ThrowsDefinitionExceptionNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<DefinitionException>(() => CompositeOptions.ParseJson(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DistanceToTargetWithoutTargets_Throws()
    {
        var builder = new CompositePipelineBuilder(Matrices.Flat("a", "b")).Normalise(Normalisation.DistanceToTarget());
        var e = Assert.Throws<DefinitionException>(builder.Build);
        Assert.Contains("missing for: a, b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataWithoutAnIndicator_ThrowsNamingIt()
    {
        var pipeline = new CompositePipelineBuilder(Matrices.Flat("a", "b")).Build();
        var e = Assert.Throws<DefinitionException>(() => pipeline.Run(Matrices.Of(("a", [1.0, 2]))));
        Assert.Contains("indicator column(s): b", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TiedIndex_SharesTheBestRankAndSkipsTheNext()
    {
        var pipeline = new CompositePipelineBuilder(Matrices.Flat("a")).Normalise(Normalisation.None()).Build();
        var result = pipeline.Run(Matrices.Of(("a", [5, 9, 5, 1, double.NaN])));
        Assert.Equal([2, 1, 2, 4, null], result.Ranks("I"));
        Assert.Equal(["u2", "u1", "u3", "u4", "u5"], result.Ranking().Select(r => r.Unit));
        Assert.Null(result.Rank("u5"));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        var pipeline = new CompositePipelineBuilder(Matrices.Flat("a")).Build();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Run(Matrices.Of(("a", [1.0])), cts.Token));
    }
}
