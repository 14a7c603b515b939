using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Tests.Analysis;

public sealed class UncertaintyTests
{
    private static readonly CompositePipeline Asem = new CompositePipelineBuilder(ReferenceData.AsemStructure).Build();

    [Theory]
    [InlineData(AggregationKind.Arithmetic, 0.0)]
    [InlineData(AggregationKind.Arithmetic, 0.9)]
    [InlineData(AggregationKind.Geometric, 0.5)]
    [InlineData(AggregationKind.Harmonic, 0.0)]
    public void Evaluate_UnperturbedWeights_ReproducesTheNominalScoresBitForBit(AggregationKind kind, double minDataShare)
    {
        // With unperturbed weights the batched matrix product must equal the published (scalar) aggregation exactly:
        // the same operands in the same order, element-wise operations only. ASEM has units with missing indicators
        // (general path), complete units (fast path) and, under min-max, zeros (geometric and harmonic give 0).
        var structure = ReferenceData.AsemStructure;
        var nominal = new CompositePipelineBuilder(structure).Aggregate(kind, minDataShare).Build().Run(ReferenceData.AsemData);
        var leaves = new LeafBlock(nominal.Normalised, structure, kind);
        var evaluator = new BatchedEvaluator(structure, kind, minDataShare, structure.Aggregates.Count - 1);
        const int Width = 3;
        var weights = new double[structure.Weights.Length * Width];
        for (var n = 0; n < structure.Weights.Length; n++)
        {
            Array.Fill(weights, structure.Weights[n], n * Width, Width);
        }

        var units = nominal.UnitIds.Count;
        var blocks = new double[evaluator.BlockLength(units, Width)];
        evaluator.Evaluate(leaves, weights, [-1, -1, -1], Width, blocks);
        for (var a = 0; a < structure.Aggregates.Count; a++)
        {
            var expected = nominal.Scores(structure.Aggregates[a]);
            for (var u = 0; u < units; u++)
            {
                for (var k = 0; k < Width; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[u]), BitConverter.DoubleToInt64Bits(blocks[(((a * units) + u) * Width) + k]));
                }
            }
        }
    }

    [Fact]
    public void Run_ZeroPerturbation_EveryBandIsTheNominalRank()
    {
        var result = UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, new UncertaintyOptions { Replications = 20, WeightPerturbation = 0 });
        Assert.All(result.Units, b =>
        {
            var nominal = (double)b.NominalRank!.Value;
            Assert.Equal(nominal, b.Percentile5);
            Assert.Equal(nominal, b.Percentile95);
            Assert.Equal(nominal, b.MedianRank);
        });
        Assert.Empty(result.VarianceShares);
    }

    [Fact]
    public void Run_SameSeed_SameRanksWhateverTheThreads()
    {
        var options = new UncertaintyOptions { Replications = 300, Seed = 42, ExcludeIndicators = true, AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric] };
        var a = UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, options with { MaxDegreeOfParallelism = 1 });
        var b = UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, options);
        var c = UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, options with { Seed = 43 });
        Assert.Equal(a.Units, b.Units);
        Assert.Equal(a.ReplicationRanks("VNM").ToArray(), b.ReplicationRanks("VNM").ToArray());
        Assert.Equal(a.VarianceShares.Select(s => s.Share), b.VarianceShares.Select(s => s.Share));
        Assert.NotEqual(a.ReplicationRanks("VNM").ToArray(), c.ReplicationRanks("VNM").ToArray());
    }

    [Fact]
    public void Run_WeightsAndChoices_BandsHoldTheMedianAndRanksArePermutations()
    {
        var options = new UncertaintyOptions
        {
            Replications = 400,
            Seed = 7,
            WeightPerturbation = 0.5,
            ExcludeIndicators = true,
            ImputationChoices = [ImputationOptions.None, ImputationOptions.GroupMean("EurAsia_group")],
            NormalisationChoices = [Normalisation.MinMax(), Normalisation.ZScore(10, 2), Normalisation.PercentileRank()],
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric],
        };
        var result = UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, options);
        Assert.Equal(51, result.Units.Count);
        Assert.All(result.Units, b => Assert.InRange(b.MedianRank, b.Percentile5, b.Percentile95));
        // Every replication gives standard competition ranks: a unit's rank is one more than the number of units
        // ranked strictly better (geometric means tie every unit with a worst indicator at 0).
        for (var r = 0; r < options.Replications; r += 37)
        {
            var ranks = result.Units.Select(b => result.ReplicationRanks(b.Unit)[r]).ToArray();
            Assert.All(ranks, x => Assert.Equal(1 + ranks.Count(y => y < x), x));
        }

        // DEU leads under every weighting and method in at least 95% of replications.
        Assert.Equal(1, result.Band("DEU").Percentile95);
        var names = result.VarianceShares.Select(s => s.Input).ToList();
        Assert.Equal(["imputation", "normalisation", "aggregation", "excluded indicator"], names.Take(4));
        Assert.Equal(49 + 10, names.Count(n => n.StartsWith("weight:", StringComparison.Ordinal)));
        Assert.All(result.VarianceShares, s => Assert.InRange(s.Share, 0, 1));
        // Switching between arithmetic and geometric means (the latter zeroing any unit with a worst value) moves ranks
        // more than any single weight.
        var aggregation = result.VarianceShares.Single(s => s.Input == "aggregation").Share;
        Assert.True(result.VarianceShares.Where(s => s.Input.StartsWith("weight:", StringComparison.Ordinal)).All(s => s.Share < aggregation));
    }

    [Fact]
    public void Run_EveryKindOfDraw_EachReplicationRanksAsAFullRecomputationWithItsDraws()
    {
        // The batched evaluation must give, replication by replication, the ranks of running the whole pipeline again
        // with that replication's weights, left-out indicator, imputation, normalisation and aggregation.
        var structure = ReferenceData.AsemStructure;
        var data = ReferenceData.AsemData;
        var options = new UncertaintyOptions
        {
            Replications = 240,
            Seed = 11,
            WeightPerturbation = 0.4,
            ExcludeIndicators = true,
            ImputationChoices = [ImputationOptions.None, ImputationOptions.GroupMedian("EurAsia_group")],
            NormalisationChoices = [Normalisation.MinMax(1, 100), Normalisation.ZScore(50, 10), Normalisation.Borda()],
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric, AggregationKind.Harmonic],
        };
        var result = UncertaintyAnalysis.Run(Asem, data, options);
        var plan = UncertaintyAnalysis.Plan.Draw(structure, options, 2, 3, 3);
        for (var r = 0; r < options.Replications; r += 7)
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var n = 0; n < structure.Weights.Length; n++)
            {
                weights[structure.CodeOf(n)] = n == plan.Excluded[r] ? 0 : structure.Weights[n] * plan.Multipliers[n][r];
            }

            var again = new CompositePipelineBuilder(structure.WithWeights(weights))
                .Impute(options.ImputationChoices[plan.Imputation[r]])
                .Normalise(options.NormalisationChoices[plan.Normalisation[r]])
                .Aggregate(options.AggregationChoices[plan.Aggregation[r]])
                .Build()
                .Run(data);
            var expected = again.Ranks(structure.Root).Select(x => x ?? 0).ToArray();
            var actual = result.Units.Select(b => result.ReplicationRanks(b.Unit)[r]).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"replication {r}: expected {string.Join(",", expected)} but got {string.Join(",", actual)}");
        }
    }

    [Fact]
    public void Run_OnlyTheAggregationVaries_ItExplainsAllTheRankVariance()
    {
        // Weights fixed, two aggregations: each unit's rank is a function of the aggregation alone, so within each
        // choice the rank does not vary (MSW = 0) and ω² = SSB / SST = 1 for every unit whose rank moves.
        var structure = Matrices.Flat("a", "b");
        var data = Matrices.Of(("a", [0, 10, 20, 30, 40, 50]), ("b", [50, 40, 30, 20, 10, 1]));
        var pipeline = new CompositePipelineBuilder(structure).Build();
        var result = UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions
        {
            Replications = 200,
            WeightPerturbation = 0,
            AggregationChoices = [AggregationKind.Arithmetic, AggregationKind.Geometric],
        });
        var share = Assert.Single(result.VarianceShares);
        Assert.Equal("aggregation", share.Input);
        Assert.Equal(1, share.Share, 12);
        Assert.All(share.PerUnit, s => Assert.True(double.IsNaN(s) || Math.Abs(s - 1) < 1e-12));
    }

    [Fact]
    public void Run_InputThatChangesNothing_GetsAboutZeroShare()
    {
        // No value is missing, so choosing between mean and median imputation changes nothing; the weights move ranks.
        var structure = Matrices.Flat("a", "b", "c");
        var data = Matrices.Of(("a", [0, 10, 20, 30, 40, 50]), ("b", [50, 40, 30, 20, 10, 1]), ("c", [5, 45, 25, 35, 15, 30]));
        var pipeline = new CompositePipelineBuilder(structure).Build();
        var result = UncertaintyAnalysis.Run(pipeline, data, new UncertaintyOptions
        {
            Replications = 2000,
            Seed = 3,
            WeightPerturbation = 0.8,
            ImputationChoices = [ImputationOptions.Mean(), ImputationOptions.Median()],
        });
        var shares = result.VarianceShares.ToDictionary(s => s.Input, s => s.Share);
        Assert.Equal(["imputation", "weight:a", "weight:b", "weight:c"], shares.Keys);
        Assert.InRange(shares["imputation"], 0, 0.005);
        Assert.All(shares.Where(s => s.Key.StartsWith("weight:", StringComparison.Ordinal)), s => Assert.InRange(s.Value, 0.05, 1));
    }

    [Fact]
    public void Run_ProgressAndCancellation_ReportsAndStops()
    {
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports.Add);
        UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, new UncertaintyOptions { Replications = 300, MaxDegreeOfParallelism = 1 }, progress);
        Assert.Equal(1, reports[^1]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, new UncertaintyOptions(), null, cts.Token));
    }

    [Fact]
    public void Run_TargetThatIsAnIndicator_Throws()
    {
        Assert.Throws<ArgumentException>(() => UncertaintyAnalysis.Run(Asem, ReferenceData.AsemData, new UncertaintyOptions { Target = "LPI" }));
    }

    [Fact]
    public void ParseJson_EveryOption_ReadsItAndRoundTrips()
    {
        var options = UncertaintyOptions.ParseJson("""
            {
              // what the host's sensitivity command reads
              "replications": 5000, "seed": 7, "weightPerturbation": 0.1, "excludeIndicators": true, "target": "Conn",
              "imputationChoices": [ { "method": "none" }, { "method": "groupMean", "group": "EurAsia_group" } ],
              "normalisationChoices": [ { "kind": "minMax", "low": 1, "high": 100 }, { "kind": "rank" } ],
              "aggregationChoices": [ "arithmetic", "geometric" ],
              "weightBins": 5, "maxDegreeOfParallelism": 1
            }
            """);
        Assert.Equal((5000, 7, 0.1, true, "Conn", 5, 1), (options.Replications, options.Seed, options.WeightPerturbation, options.ExcludeIndicators, options.Target, options.WeightBins, options.MaxDegreeOfParallelism));
        Assert.Equal([ImputationOptions.None, ImputationOptions.GroupMean("EurAsia_group")], options.ImputationChoices);
        Assert.Equal([Normalisation.MinMax(1, 100), Normalisation.Rank()], options.NormalisationChoices);
        Assert.Equal([AggregationKind.Arithmetic, AggregationKind.Geometric], options.AggregationChoices);
        var again = UncertaintyOptions.ParseJson(options.ToJson());
        Assert.Equal(options.ImputationChoices, again.ImputationChoices);
        Assert.Equal(options.NormalisationChoices, again.NormalisationChoices);
        Assert.Equal(options.AggregationChoices, again.AggregationChoices);
        Assert.Equal(options.Replications, again.Replications);
    }

    [Theory]
    [InlineData("""{ "replications": 0 }""", "invalid")]
    [InlineData("""{ "weightPerturbation": 1.5 }""", "0..1")]
    [InlineData("""{ "replicates": 10 }""", "replicates")]
    [InlineData("""{ "aggregationChoices": [ "median" ] }""", "not valid JSON")]
    [InlineData("""{ "imputationChoices": [ { "method": "groupMean" } ] }""", "needs the unit attribute")]
    public void ParseJson_InvalidOptions_ThrowsDefinitionExceptionNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<DefinitionException>(() => UncertaintyOptions.ParseJson(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
