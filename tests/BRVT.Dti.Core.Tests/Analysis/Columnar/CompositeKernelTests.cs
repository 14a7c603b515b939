using BRVT.Dti.Analysis;
using BRVT.Dti.TestUtilities;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Analysis.Columnar;

public sealed class CompositeKernelTests
{
    [Property(Arbitrary = [typeof(CompositeArbitraries)], MaxTest = 80)]
    public Property Evaluate_RandomCompositeWithMissingValues_EveryScoreAndRankEqualsPipelineRunBitForBit(CompositeSample sample)
    {
        var pipeline = sample.Pipeline();
        var data = sample.ToMatrix();
        var expected = pipeline.Run(data);
        var kernel = CompositeKernel.Create(pipeline);
        var scores = kernel.CreateScores(data.UnitCount);
        var problems = new List<string>();
        foreach (var bits in new[] { 512, 256, 0 })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                using (VectorWidth.Limit(bits))
                {
                    kernel.Evaluate(data, scores, threads);
                }

                problems.AddRange(Differences(expected, scores).Select(p => $"{bits} bits, {threads} thread(s): {p}"));
            }
        }

        return (problems.Count == 0).Label(string.Join(Environment.NewLine, problems.Take(5)));
    }

    [Fact]
    public void Evaluate_NineThousandUnitsOnSeveralThreads_EqualsPipelineRunAndRanksTies()
    {
        var random = new Random(7);
        var nodes = new List<CompositeNode>();
        for (var l = 0; l < 20; l++)
        {
            nodes.Add(new CompositeNode($"i{l}", 1, $"p{l % 5}") { Weight = 1 + (l % 3), Direction = l % 4 == 0 ? -1 : 1, GoalpostLow = 0, GoalpostHigh = 50 });
        }

        nodes.AddRange(Enumerable.Range(0, 5).Select(p => CompositeNode.Aggregate($"p{p}", 2, "index", 1 + p)));
        nodes.Add(CompositeNode.Aggregate("index", 3, null));
        // Values on a grid of 0.5 with every tenth row a copy of the one before: many tied index scores.
        var columns = Enumerable.Range(0, 20).Select(_ => new double[9000]).ToArray();
        for (var u = 0; u < 9000; u++)
        {
            for (var l = 0; l < 20; l++)
            {
                columns[l][u] = u % 10 == 9 ? columns[l][u - 1] : random.Next(20) == 0 ? double.NaN : random.Next(-10, 120) / 2.0;
            }
        }

        var sample = new CompositeSample([.. nodes], columns, Normalisation.Goalposts(100), 0.5);
        var pipeline = sample.Pipeline();
        var data = sample.ToMatrix();
        var expected = pipeline.Run(data);
        var kernel = CompositeKernel.Create(pipeline);
        var scores = kernel.CreateScores(data.UnitCount);

        kernel.Evaluate(data, scores, maxDegreeOfParallelism: 2);

        Assert.Empty(Differences(expected, scores));
        Assert.Contains(Enumerable.Range(1, 8999), u => scores.Ranks[u] > 0 && scores.Ranks[u] == scores.Ranks[u - 1]);
    }

    [Fact]
    public void Evaluate_SameBufferTwice_SameScores()
    {
        var sample = new CompositeSample(
            [CompositeNode.Indicator("a", "I", 2), CompositeNode.Indicator("b", "I", 1, direction: -1), CompositeNode.Aggregate("I", 2, null)],
            [[1, double.NaN, 3, 4], [10, 20, double.NaN, 5]],
            Normalisation.MinMax(0, 100),
            0);
        var kernel = CompositeKernel.Create(sample.Pipeline());
        var scores = kernel.CreateScores(4);

        kernel.Evaluate(sample.ToMatrix(), scores);
        var first = scores.IndexScores.ToArray();
        kernel.Evaluate(sample.ToMatrix(), scores);

        Assert.Equal(first, scores.IndexScores.ToArray());
        Assert.Equal([3, 4, 2, 1], scores.Ranks.ToArray());
    }

    [Fact]
    public void Evaluate_SameBufferAgainOnOneThread_AllocatesNothing()
    {
        var random = new Random(3);
        var nodes = Enumerable.Range(0, 30).Select(l => new CompositeNode($"i{l}", 1, $"p{l % 3}") { GoalpostLow = 0, GoalpostHigh = 10 })
            .Concat(Enumerable.Range(0, 3).Select(p => CompositeNode.Aggregate($"p{p}", 2, "index")))
            .Append(CompositeNode.Aggregate("index", 3, null))
            .ToArray();
        var columns = Enumerable.Range(0, 30).Select(_ => Enumerable.Range(0, 100).Select(_ => random.Next(8) == 0 ? double.NaN : random.Next(-20, 120) / 10.0).ToArray()).ToArray();
        var sample = new CompositeSample(nodes, columns, Normalisation.Goalposts(100), 0);
        var kernel = CompositeKernel.Create(sample.Pipeline());
        var data = sample.ToMatrix();
        var scores = kernel.CreateScores(100);
        kernel.Evaluate(data, scores);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Evaluate(data, scores);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TryCreate_PipelineWithImputation_FalseWithTheReason()
    {
        var pipeline = new CompositePipelineBuilder(Matrices.Flat("a", "b")).Impute(ImputationOptions.Mean()).Build();

        var supported = CompositeKernel.TryCreate(pipeline, out var kernel, out var reason);

        Assert.False(supported);
        Assert.Null(kernel);
        Assert.Contains("imputation", reason, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => CompositeKernel.Create(new CompositePipelineBuilder(Matrices.Flat("a", "b")).Normalise(Normalisation.ZScore()).Build()));
    }

    [Fact]
    public void Evaluate_BufferOfAnotherSize_Throws()
    {
        var kernel = CompositeKernel.Create(new CompositePipelineBuilder(Matrices.Flat("a", "b")).Build());
        var data = Matrices.Of(("a", [1, 2, 3]), ("b", [3, 2, 1]));

        Assert.Throws<ArgumentException>(() => kernel.Evaluate(data, kernel.CreateScores(2)));
        Assert.Throws<DefinitionException>(() => kernel.Evaluate(Matrices.Of(("a", [1, 2, 3])), kernel.CreateScores(3)));
    }

    private static List<string> Differences(CompositeResult expected, CompositeScores actual)
    {
        var problems = new List<string>();
        foreach (var code in expected.Structure.Aggregates)
        {
            var want = expected.Scores(code).ToArray();
            var got = actual.Scores(code).ToArray();
            for (var u = 0; u < want.Length; u++)
            {
                if (BitConverter.DoubleToInt64Bits(want[u]) != BitConverter.DoubleToInt64Bits(got[u]))
                {
                    problems.Add($"{code} of unit {u}: pipeline {want[u]:R}, kernel {got[u]:R}");
                }
            }
        }

        var ranks = expected.Ranks(expected.Structure.Root);
        for (var u = 0; u < ranks.Count; u++)
        {
            if ((ranks[u] ?? 0) != actual.Ranks[u])
            {
                problems.Add($"rank of unit {u}: pipeline {ranks[u]}, kernel {actual.Ranks[u]}");
            }
        }

        return problems;
    }
}
