using BRVT.Dti.Analysis;

namespace BRVT.Dti.Benchmarks.Workloads;

/// <summary>Checks, before timing, that every way of computing W1 gives the same scores and ranks (bit for bit).</summary>
public static class W1Check
{
    public static void Same(string what, double[] expectedScores, int[] expectedRanks, CompositeScores actual)
    {
        var units = actual.UnitCount;
        for (var a = 0; a < actual.Aggregates.Count; a++)
        {
            var got = actual.Scores(a);
            for (var u = 0; u < units; u++)
            {
                if (BitConverter.DoubleToInt64Bits(got[u]) != BitConverter.DoubleToInt64Bits(expectedScores[(a * units) + u]))
                {
                    throw new InvalidOperationException($"{what}: {actual.Aggregates[a]} of unit {u} is {got[u]:R}, the scalar baseline says {expectedScores[(a * units) + u]:R}.");
                }
            }
        }

        if (!actual.Ranks.SequenceEqual(expectedRanks))
        {
            throw new InvalidOperationException($"{what}: the ranks differ from the scalar baseline's.");
        }
    }
}
