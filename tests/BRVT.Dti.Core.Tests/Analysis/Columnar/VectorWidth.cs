using BRVT.Dti.Analysis;

namespace BRVT.Dti.Tests.Analysis.Columnar;

/// <summary>Limits the columnar kernels to narrower vectors (or scalar code) for the length of a using block.</summary>
internal static class VectorWidth
{
    private static readonly Lock Gate = new();

    public static IDisposable Limit(int bits)
    {
        Gate.Enter();
        var before = ColumnKernels.MaxVectorBits;
        ColumnKernels.MaxVectorBits = bits;
        return new Restore(before);
    }

    private sealed class Restore(int bits) : IDisposable
    {
        public void Dispose()
        {
            ColumnKernels.MaxVectorBits = bits;
            Gate.Exit();
        }
    }
}
