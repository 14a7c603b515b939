using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The matrix product at the heart of the batched Monte Carlo: for each unit u whose children are all present,
/// num[u, k] = Σ_c T(x[u, c]) · W[c, k] over the children c in structure order, for every replication k of the batch.
/// Four units and sixteen replications are computed together, their sums held in registers while the children are
/// read, so each weight vector is loaded once for four units. Every element is the scalar sum's exact sequence of
/// products and additions (no fused multiply-add, no reassociation), as <see cref="CompositeSteps.Aggregate"/>
/// computes it for one set of weights.
/// </summary>
internal static class LeafProducts
{
    private const int Units = 4;

    /// <summary>Writes num[u, ·] into output[u·C …] for every unit with <paramref name="complete"/>[u] (others are left as they are).</summary>
    /// <param name="children">The aggregate's children (leaf ordinals), in structure order.</param>
    /// <param name="transformed">T(x) per leaf and unit.</param>
    /// <param name="complete">Which units take this path, or <see langword="null"/> for all.</param>
    /// <param name="weights">Node weights per replication: node n, replication k at n·C + k.</param>
    /// <param name="width">C, the number of replications in the batch.</param>
    /// <param name="output">The aggregate's block: unit u, replication k at u·C + k.</param>
    public static void Multiply(int[] children, double[][] transformed, bool[]? complete, double[] weights, int width, Span<double> output)
    {
        Span<int> group = stackalloc int[Units];
        var filled = 0;
        var units = output.Length / width;
        for (var u = 0; u < units; u++)
        {
            if (complete is not null && !complete[u])
            {
                continue;
            }

            group[filled++] = u;
            if (filled == Units)
            {
                Four(children, transformed, group, weights, width, output);
                filled = 0;
            }
        }

        for (var i = 0; i < filled; i++)
        {
            One(children, transformed, group[i], weights, width, output);
        }
    }

    private static void Four(int[] children, double[][] transformed, ReadOnlySpan<int> units, double[] weights, int width, Span<double> output)
    {
        var (u0, u1, u2, u3) = (units[0], units[1], units[2], units[3]);
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        ref var o = ref MemoryMarshal.GetReference(output);
        var k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            const int Step = 2 * 8;
            for (; k <= width - Step; k += Step)
            {
                Vector512<double> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
                foreach (var c in children)
                {
                    var t = transformed[c];
                    var wa = Vector512.LoadUnsafe(ref w, (nuint)((c * width) + k));
                    var wb = Vector512.LoadUnsafe(ref w, (nuint)((c * width) + k + 8));
                    var x0 = Vector512.Create(t[u0]);
                    var x1 = Vector512.Create(t[u1]);
                    var x2 = Vector512.Create(t[u2]);
                    var x3 = Vector512.Create(t[u3]);
                    a0 += wa * x0;
                    b0 += wb * x0;
                    a1 += wa * x1;
                    b1 += wb * x1;
                    a2 += wa * x2;
                    b2 += wb * x2;
                    a3 += wa * x3;
                    b3 += wb * x3;
                }

                Store(a0, b0, ref o, (u0 * width) + k);
                Store(a1, b1, ref o, (u1 * width) + k);
                Store(a2, b2, ref o, (u2 * width) + k);
                Store(a3, b3, ref o, (u3 * width) + k);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            const int Step = 4;
            for (; k <= width - Step; k += Step)
            {
                Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
                foreach (var c in children)
                {
                    var t = transformed[c];
                    var wa = Vector256.LoadUnsafe(ref w, (nuint)((c * width) + k));
                    a0 += wa * Vector256.Create(t[u0]);
                    a1 += wa * Vector256.Create(t[u1]);
                    a2 += wa * Vector256.Create(t[u2]);
                    a3 += wa * Vector256.Create(t[u3]);
                }

                a0.StoreUnsafe(ref o, (nuint)((u0 * width) + k));
                a1.StoreUnsafe(ref o, (nuint)((u1 * width) + k));
                a2.StoreUnsafe(ref o, (nuint)((u2 * width) + k));
                a3.StoreUnsafe(ref o, (nuint)((u3 * width) + k));
            }
        }

        foreach (var u in units)
        {
            Tail(children, transformed, u, weights, width, k, output);
        }
    }

    private static void One(int[] children, double[][] transformed, int u, double[] weights, int width, Span<double> output) =>
        Tail(children, transformed, u, weights, width, 0, output);

    /// <summary>Replications from <paramref name="from"/> on, one at a time.</summary>
    private static void Tail(int[] children, double[][] transformed, int u, double[] weights, int width, int from, Span<double> output)
    {
        for (var k = from; k < width; k++)
        {
            var sum = 0.0;
            foreach (var c in children)
            {
                sum += weights[(c * width) + k] * transformed[c][u];
            }

            output[(u * width) + k] = sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<double> a, Vector512<double> b, ref double o, int at)
    {
        a.StoreUnsafe(ref o, (nuint)at);
        b.StoreUnsafe(ref o, (nuint)(at + 8));
    }
}
