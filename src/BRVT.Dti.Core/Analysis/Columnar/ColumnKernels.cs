using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Element-wise kernels of the columnar composite: the same IEEE operations, in the same order, as the scalar steps
/// (<see cref="CompositeSteps.Normalise"/>, <see cref="CompositeSteps.Aggregate"/>), applied to 8 (AVX-512), 4 (AVX2)
/// or 1 unit at a time. No horizontal reduction and no fused multiply-add: every lane computes exactly what the
/// scalar loop computes for that unit, so results are bit-identical whatever the vector width.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>The widest vectors the kernels may use (512, 256 or 0 for scalar code); tests lower it to compare paths.</summary>
    internal static int MaxVectorBits { get; set; } = 512;

    private static bool Use512 => MaxVectorBits >= 512 && Vector512.IsHardwareAccelerated;

    private static bool Use256 => MaxVectorBits >= 256 && Vector256.IsHardwareAccelerated;

    /// <summary>
    /// One aggregate over units [start, start + length): for each group of 8 (or 4) units, the numerator, denominator
    /// and count of present children stay in registers while every child is read, transformed (<see cref="ChildTerm"/>)
    /// and added in structure order; then result = num / den where enough children are present and den &gt; 0, NaN
    /// elsewhere (<see cref="AggregationKernel.EnoughData"/>, <see cref="AggregationKernel.Finish"/>).
    /// </summary>
    /// <param name="terms">The children's terms, in structure order.</param>
    /// <param name="sources">Each child's values: a raw indicator column or the buffer of aggregate scores.</param>
    /// <param name="offsets">Where each child's unit 0 is in its source.</param>
    /// <param name="threshold">The least count of present children: share · total − 1e-9.</param>
    /// <param name="start">The first unit.</param>
    /// <param name="result">The aggregate's scores of the block's units.</param>
    public static void Aggregate(ChildTerm[] terms, double[][] sources, int[] offsets, double threshold, int start, Span<double> result)
    {
        // With a threshold ≤ 0, "enough children" is "at least one", which den > 0 already says (weights are positive).
        if (threshold > 0)
        {
            Aggregate<Counted>(terms, sources, offsets, threshold, start, result);
        }
        else
        {
            Aggregate<Uncounted>(terms, sources, offsets, threshold, start, result);
        }
    }

    private static void Aggregate<TCount>(ChildTerm[] terms, double[][] sources, int[] offsets, double threshold, int start, Span<double> result)
        where TCount : struct, ICounting
    {
        ref var rs = ref MemoryMarshal.GetReference(result);
        var n = result.Length;
        var children = terms.Length;
        var i = 0;
        if (Use512)
        {
            var (zero, one, nan, t) = (Vector512<double>.Zero, Vector512<double>.One, Vector512.Create(double.NaN), Vector512.Create(threshold));

            // Two vectors (16 units, two cache lines of each child's column) per step: two independent chains.
            for (; i <= n - (2 * Vector512<double>.Count); i += 2 * Vector512<double>.Count)
            {
                Vector512<double> num0 = zero, den0 = zero, count0 = zero, num1 = zero, den1 = zero, count1 = zero;
                for (var k = 0; k < children; k++)
                {
                    ref readonly var p = ref terms[k];
                    ref var source = ref MemoryMarshal.GetArrayDataReference(sources[k]);
                    var at = (nuint)(offsets[k] + start + i);
                    var (d, o, q, lo, hi, f, sh, w) = (Vector512.Create(p.Direction), Vector512.Create(p.Offset), Vector512.Create(p.Divisor), Vector512.Create(p.Low), Vector512.Create(p.High), Vector512.Create(p.Factor), Vector512.Create(p.Shift), Vector512.Create(p.Weight));
                    var y0 = (Clamp(((d * Vector512.LoadUnsafe(ref source, at)) - o) / q, lo, hi) * f) + sh;
                    var y1 = (Clamp(((d * Vector512.LoadUnsafe(ref source, at + (nuint)Vector512<double>.Count)) - o) / q, lo, hi) * f) + sh;
                    var present0 = Vector512.Equals(y0, y0);
                    var present1 = Vector512.Equals(y1, y1);

                    // A missing child adds +0, which leaves a sum that starts at +0 exactly as it is: the scalar skip.
                    num0 += Vector512.ConditionalSelect(present0, y0 * w, zero);
                    num1 += Vector512.ConditionalSelect(present1, y1 * w, zero);
                    den0 += Vector512.ConditionalSelect(present0, w, zero);
                    den1 += Vector512.ConditionalSelect(present1, w, zero);
                    if (TCount.Enabled)
                    {
                        count0 += Vector512.ConditionalSelect(present0, one, zero);
                        count1 += Vector512.ConditionalSelect(present1, one, zero);
                    }
                }

                var ok0 = TCount.Enabled
                    ? Vector512.GreaterThan(count0, zero) & Vector512.GreaterThanOrEqual(count0, t) & Vector512.GreaterThan(den0, zero)
                    : Vector512.GreaterThan(den0, zero);
                var ok1 = TCount.Enabled
                    ? Vector512.GreaterThan(count1, zero) & Vector512.GreaterThanOrEqual(count1, t) & Vector512.GreaterThan(den1, zero)
                    : Vector512.GreaterThan(den1, zero);
                Vector512.ConditionalSelect(ok0, num0 / den0, nan).StoreUnsafe(ref rs, (nuint)i);
                Vector512.ConditionalSelect(ok1, num1 / den1, nan).StoreUnsafe(ref rs, (nuint)(i + Vector512<double>.Count));
            }

            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Vector512<double> num = zero, den = zero, count = zero;
                for (var k = 0; k < children; k++)
                {
                    ref readonly var p = ref terms[k];
                    var x = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(sources[k]), (nuint)(offsets[k] + start + i));
                    var g = ((Vector512.Create(p.Direction) * x) - Vector512.Create(p.Offset)) / Vector512.Create(p.Divisor);
                    var (lo, hi) = (Vector512.Create(p.Low), Vector512.Create(p.High));
                    g = Vector512.ConditionalSelect(Vector512.LessThan(g, lo), lo, Vector512.ConditionalSelect(Vector512.GreaterThan(g, hi), hi, g));
                    var y = (g * Vector512.Create(p.Factor)) + Vector512.Create(p.Shift);
                    var present = Vector512.Equals(y, y);
                    var w = Vector512.Create(p.Weight);
                    num = Vector512.ConditionalSelect(present, num + (y * w), num);
                    den = Vector512.ConditionalSelect(present, den + w, den);
                    if (TCount.Enabled)
                    {
                        count = Vector512.ConditionalSelect(present, count + one, count);
                    }
                }

                var ok = TCount.Enabled
                    ? Vector512.GreaterThan(count, zero) & Vector512.GreaterThanOrEqual(count, t) & Vector512.GreaterThan(den, zero)
                    : Vector512.GreaterThan(den, zero);
                Vector512.ConditionalSelect(ok, num / den, nan).StoreUnsafe(ref rs, (nuint)i);
            }
        }
        else if (Use256)
        {
            var (zero, one, nan, t) = (Vector256<double>.Zero, Vector256<double>.One, Vector256.Create(double.NaN), Vector256.Create(threshold));
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Vector256<double> num = zero, den = zero, count = zero;
                for (var k = 0; k < children; k++)
                {
                    ref readonly var p = ref terms[k];
                    var x = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(sources[k]), (nuint)(offsets[k] + start + i));
                    var g = ((Vector256.Create(p.Direction) * x) - Vector256.Create(p.Offset)) / Vector256.Create(p.Divisor);
                    var (lo, hi) = (Vector256.Create(p.Low), Vector256.Create(p.High));
                    g = Vector256.ConditionalSelect(Vector256.LessThan(g, lo), lo, Vector256.ConditionalSelect(Vector256.GreaterThan(g, hi), hi, g));
                    var y = (g * Vector256.Create(p.Factor)) + Vector256.Create(p.Shift);
                    var present = Vector256.Equals(y, y);
                    var w = Vector256.Create(p.Weight);
                    num = Vector256.ConditionalSelect(present, num + (y * w), num);
                    den = Vector256.ConditionalSelect(present, den + w, den);
                    if (TCount.Enabled)
                    {
                        count = Vector256.ConditionalSelect(present, count + one, count);
                    }
                }

                var ok = TCount.Enabled
                    ? Vector256.GreaterThan(count, zero) & Vector256.GreaterThanOrEqual(count, t) & Vector256.GreaterThan(den, zero)
                    : Vector256.GreaterThan(den, zero);
                Vector256.ConditionalSelect(ok, num / den, nan).StoreUnsafe(ref rs, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double num = 0, den = 0, count = 0;
            for (var k = 0; k < children; k++)
            {
                ref readonly var p = ref terms[k];
                var g = ((p.Direction * sources[k][offsets[k] + start + i]) - p.Offset) / p.Divisor;
                g = g < p.Low ? p.Low : g > p.High ? p.High : g;
                var y = (g * p.Factor) + p.Shift;
                if (!double.IsNaN(y))
                {
                    num += y * p.Weight;
                    den += p.Weight;
                    count += 1;
                }
            }

            Unsafe.Add(ref rs, i) = count > 0 && count >= threshold && den > 0 ? num / den : double.NaN;
        }
    }

    /// <summary>
    /// Math.Clamp(g, lo, hi) lane by lane: g &lt; lo → lo, g &gt; hi → hi, otherwise g (NaN and a zero equal to a
    /// bound stay g). x86 MAXPD/MINPD return their second operand when either is NaN or both are equal, so
    /// max(lo, g) then min(hi, ·) is exactly that in two instructions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Clamp(Vector512<double> g, Vector512<double> lo, Vector512<double> hi) =>
        Avx512F.Min(hi, Avx512F.Max(lo, g));

    /// <summary>Whether a kernel counts the present children (a compile-time switch: the JIT drops the dead branch).</summary>
    private interface ICounting
    {
        static abstract bool Enabled { get; }
    }

    private readonly struct Counted : ICounting
    {
        public static bool Enabled => true;
    }

    private readonly struct Uncounted : ICounting
    {
        public static bool Enabled => false;
    }

    /// <summary>The least and greatest present (non-NaN) values, or (NaN, NaN) when none is present.</summary>
    public static (double Min, double Max) PresentRange(ReadOnlySpan<double> x)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var any = false;
        ref var xs = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var i = 0;
        if (Use512 && n >= Vector512<double>.Count)
        {
            var (lo, hi) = (Vector512.Create(double.PositiveInfinity), Vector512.Create(double.NegativeInfinity));
            var seen = Vector512<double>.Zero;
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref xs, (nuint)i);
                var present = Vector512.Equals(v, v);
                lo = Vector512.ConditionalSelect(present & Vector512.LessThan(v, lo), v, lo);
                hi = Vector512.ConditionalSelect(present & Vector512.GreaterThan(v, hi), v, hi);
                seen |= present;
            }

            any = seen != Vector512<double>.Zero;
            for (var k = 0; k < Vector512<double>.Count; k++)
            {
                min = Math.Min(min, lo[k]);
                max = Math.Max(max, hi[k]);
            }
        }

        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref xs, i);
            if (!double.IsNaN(v))
            {
                any = true;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
        }

        return any ? (min, max) : (double.NaN, double.NaN);
    }
}
