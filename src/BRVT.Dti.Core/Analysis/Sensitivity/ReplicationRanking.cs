using BRVT.Dti.Ranking;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Standard competition ranks ("1224", ties = min) of one replication's scores: the same ranks as
/// <see cref="CompetitionRanking"/> with tolerance 0, without its per-call allocations (a <see cref="DescendingRanker"/>).
/// </summary>
internal sealed class ReplicationRanking
{
    private readonly DescendingRanker ranker;

    public ReplicationRanking(int units) => ranker = new DescendingRanker(units);

    /// <summary>Writes each unit's rank (1 best; 0 without a score).</summary>
    /// <param name="scores">One score per unit; NaN for none.</param>
    /// <param name="ranks">One rank per unit.</param>
    public void Rank(ReadOnlySpan<double> scores, Span<int> ranks) => ranker.Rank(scores, ranks);

    /// <summary>
    /// Transposes a rows × columns block (row-major) into columns × rows, tile by tile so that both sides stay in
    /// cache and in few memory pages.
    /// </summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int columns, Span<T> destination)
    {
        const int Tile = 32;
        for (var r0 = 0; r0 < rows; r0 += Tile)
        {
            var r1 = Math.Min(rows, r0 + Tile);
            for (var c0 = 0; c0 < columns; c0 += Tile)
            {
                var c1 = Math.Min(columns, c0 + Tile);
                for (var r = r0; r < r1; r++)
                {
                    for (var c = c0; c < c1; c++)
                    {
                        destination[(c * rows) + r] = source[(r * columns) + c];
                    }
                }
            }
        }
    }
}
