using BRVT.Dti.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Analysis;

public sealed class BlockTransposeTests
{
    [Property(MaxTest = 300)]
    public Property ToColumns_AnyBlock_EveryValueLandsInItsColumnAndRowAndNothingElseChanges() =>
        Prop.ForAll(Gen.Choose(1, 30).ToArbitrary(), Gen.Choose(0, 70).ToArbitrary(), Gen.Choose(0, 9).ToArbitrary(), (width, rows, firstRow) =>
        {
            var block = Enumerable.Range(0, (rows * width) + 3).Select(i => i + 0.5).ToArray();

            // The eight-by-eight path (where the machine has it) and the value-by-value path, each checked on its own.
            foreach (var vectorised in new[] { BlockTranspose.Vectorised, false }.Distinct())
            {
                var columns = Enumerable.Range(0, width).Select(_ => Enumerable.Repeat(-1.0, firstRow + rows + 4).ToArray()).ToArray();
                Transpose(block, rows, width, columns, firstRow, vectorised);

                for (var n = 0; n < width; n++)
                {
                    for (var r = 0; r < columns[n].Length; r++)
                    {
                        var expected = r >= firstRow && r < firstRow + rows ? block[((r - firstRow) * width) + n] : -1.0;
                        if (columns[n][r] != expected)
                        {
                            return false.Label($"column {n}, row {r}: {columns[n][r]}, expected {expected} (vectorised: {vectorised})");
                        }
                    }
                }
            }

            return true.ToProperty();
        });

    private static void Transpose(double[] block, int rows, int width, double[][] columns, int firstRow, bool vectorised)
    {
        var saved = BlockTranspose.Vectorised;
        BlockTranspose.Vectorised = vectorised;
        try
        {
            BlockTranspose.ToColumns(block, rows, width, columns, firstRow);
        }
        finally
        {
            BlockTranspose.Vectorised = saved;
        }
    }
}
