using BRVT.Dti.Ranking;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Ranking;

public sealed class PartitionedRankerTests
{
    private static readonly Gen<double> Value = Gen.Frequency(
        (1, Gen.Elements(double.NaN, 0.0, -0.0, double.PositiveInfinity)),
        (5, Gen.Choose(0, 40).Select(i => i / 40.0)),
        (4, Gen.Choose(0, 1_000_000).Select(i => i / 999_983.0)));

    [Property(MaxTest = 400)]
    public Property Rank_AnyValuesPartitionsDecimalsAndTolerance_SameRanksAsCompetitionRanking() =>
        Prop.ForAll(
            (from n in Gen.Choose(0, 150)
             from values in Gen.ArrayOf(Value, n)
             from partitions in Gen.ArrayOf(Gen.Choose(-1, 4), n)
             from decimals in Gen.Choose(0, 16)
             from tolerance in Gen.OneOf(Gen.Constant<double?>(null), Gen.Elements<double?>(0, 0.00005, 0.01, 0.1))
             select (values, partitions, decimals, tolerance)).ToArbitrary(),
            c =>
            {
                var ids = c.values.Select((_, i) => $"u{i:D4}").ToArray();
                var expected = CompetitionRanking.Rank(c.values, c.partitions, ids, c.decimals, c.tolerance);
                var ranks = new int[c.values.Length];
                new PartitionedRanker(c.values.Length, 5).Rank(c.values, c.partitions, c.decimals, c.tolerance, ranks);
                var differing = Enumerable.Range(0, ranks.Length).Where(u => (expected[u] ?? 0) != ranks[u]).ToList();
                return (differing.Count == 0).Label(string.Join(", ", differing.Take(5).Select(u => $"unit {u} ({c.values[u]:R}, partition {c.partitions[u]}): expected {expected[u]}, got {ranks[u]}")));
            });
}
