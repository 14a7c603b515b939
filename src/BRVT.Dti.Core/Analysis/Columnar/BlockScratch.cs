using System.Buffers;

namespace BRVT.Dti.Analysis;

/// <summary>The scratch columns of one block: numerators, denominators, counts of present children, normalised values.</summary>
internal sealed class BlockScratch
{
    public BlockScratch(bool pooled = true)
    {
        Pooled = pooled;
        Numerator = Take();
        Denominator = Take();
        Count = Take();
        Values = Take();
    }

    public bool Pooled { get; }

    public double[] Numerator { get; }

    public double[] Denominator { get; }

    public double[] Count { get; }

    public double[] Values { get; }

    /// <summary>Gives pooled arrays back.</summary>
    public void Return()
    {
        if (Pooled)
        {
            ArrayPool<double>.Shared.Return(Numerator);
            ArrayPool<double>.Shared.Return(Denominator);
            ArrayPool<double>.Shared.Return(Count);
            ArrayPool<double>.Shared.Return(Values);
        }
    }

    private double[] Take() => Pooled ? ArrayPool<double>.Shared.Rent(CompositeKernel.BlockSize) : new double[CompositeKernel.BlockSize];
}
