using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Element-wise kernels of the columnar composite: the same IEEE operations, in the same order, as the scalar steps
/// (<see cref="CompositeSteps.Normalise"/>, <see cref="CompositeSteps.Aggregate"/>), applied to 8 (AVX-512), 4 (AVX2)
/// or 1 value at a time. No horizontal reduction and no fused multiply-add: every lane computes exactly what the
/// scalar loop computes for that unit, so results are bit-identical whatever the vector width.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>The widest vectors the kernels may use (512, 256 or 0 for scalar code); tests lower it to compare paths.</summary>
    internal static int MaxVectorBits { get; set; } = 512;

    private static bool Use512 => MaxVectorBits >= 512 && Vector512.IsHardwareAccelerated;

    private static bool Use256 => MaxVectorBits >= 256 && Vector256.IsHardwareAccelerated;

    /// <summary>y = clamp?((d·x − low) / range, 0, 1) · scale: goalposts, as <see cref="CompositeSteps.Normalise"/> computes them.</summary>
    public static void Goalposts(ReadOnlySpan<double> x, double direction, double low, double range, bool clamp, double scale, Span<double> y)
    {
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var i = 0;
        if (Use512)
        {
            var (d, lo, r, s, zero, one) = (Vector512.Create(direction), Vector512.Create(low), Vector512.Create(range), Vector512.Create(scale), Vector512<double>.Zero, Vector512<double>.One);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var g = ((d * Vector512.LoadUnsafe(ref xs, (nuint)i)) - lo) / r;
                if (clamp)
                {
                    // Math.Clamp: below 0 → 0, above 1 → 1, NaN and everything else unchanged (−0 stays −0).
                    g = Vector512.ConditionalSelect(Vector512.LessThan(g, zero), zero, Vector512.ConditionalSelect(Vector512.GreaterThan(g, one), one, g));
                }

                (g * s).StoreUnsafe(ref ys, (nuint)i);
            }
        }
        else if (Use256)
        {
            var (d, lo, r, s, zero, one) = (Vector256.Create(direction), Vector256.Create(low), Vector256.Create(range), Vector256.Create(scale), Vector256<double>.Zero, Vector256<double>.One);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var g = ((d * Vector256.LoadUnsafe(ref xs, (nuint)i)) - lo) / r;
                if (clamp)
                {
                    g = Vector256.ConditionalSelect(Vector256.LessThan(g, zero), zero, Vector256.ConditionalSelect(Vector256.GreaterThan(g, one), one, g));
                }

                (g * s).StoreUnsafe(ref ys, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var g = ((direction * Unsafe.Add(ref xs, i)) - low) / range;
            Unsafe.Add(ref ys, i) = (clamp ? Math.Clamp(g, 0, 1) : g) * scale;
        }
    }

    /// <summary>y = ((d·x − min) / spread · width) + low: min-max, as <see cref="CompositeSteps.Normalise"/> computes it.</summary>
    public static void MinMax(ReadOnlySpan<double> x, double direction, double min, double spread, double width, double low, Span<double> y)
    {
        ref var xs = ref MemoryMarshal.GetReference(x);
        ref var ys = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var i = 0;
        if (Use512)
        {
            var (d, m, s, w, l) = (Vector512.Create(direction), Vector512.Create(min), Vector512.Create(spread), Vector512.Create(width), Vector512.Create(low));
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                ((((d * Vector512.LoadUnsafe(ref xs, (nuint)i)) - m) / s * w) + l).StoreUnsafe(ref ys, (nuint)i);
            }
        }
        else if (Use256)
        {
            var (d, m, s, w, l) = (Vector256.Create(direction), Vector256.Create(min), Vector256.Create(spread), Vector256.Create(width), Vector256.Create(low));
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                ((((d * Vector256.LoadUnsafe(ref xs, (nuint)i)) - m) / s * w) + l).StoreUnsafe(ref ys, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref ys, i) = (((direction * Unsafe.Add(ref xs, i)) - min) / spread * width) + low;
        }
    }

    /// <summary>y = d·x, or a constant where x is present (a column with one distinct value under min-max).</summary>
    public static void Scale(ReadOnlySpan<double> x, double direction, double? constant, Span<double> y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var t = direction * x[i];
            y[i] = constant is { } c && !double.IsNaN(t) ? c : t;
        }
    }

    /// <summary>
    /// For every lane where y is present (not NaN): num += y·w, den += w, count += 1; lanes with a missing y are left
    /// as they are (the scalar loop's <c>continue</c>).
    /// </summary>
    public static void Accumulate(ReadOnlySpan<double> y, double weight, Span<double> num, Span<double> den, Span<double> count)
    {
        ref var ys = ref MemoryMarshal.GetReference(y);
        ref var ns = ref MemoryMarshal.GetReference(num);
        ref var ds = ref MemoryMarshal.GetReference(den);
        ref var cs = ref MemoryMarshal.GetReference(count);
        var n = y.Length;
        var i = 0;
        if (Use512)
        {
            var (w, one) = (Vector512.Create(weight), Vector512<double>.One);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref ys, (nuint)i);
                var present = Vector512.Equals(v, v);
                var nv = Vector512.LoadUnsafe(ref ns, (nuint)i);
                var dv = Vector512.LoadUnsafe(ref ds, (nuint)i);
                var cv = Vector512.LoadUnsafe(ref cs, (nuint)i);
                Vector512.ConditionalSelect(present, nv + (v * w), nv).StoreUnsafe(ref ns, (nuint)i);
                Vector512.ConditionalSelect(present, dv + w, dv).StoreUnsafe(ref ds, (nuint)i);
                Vector512.ConditionalSelect(present, cv + one, cv).StoreUnsafe(ref cs, (nuint)i);
            }
        }
        else if (Use256)
        {
            var (w, one) = (Vector256.Create(weight), Vector256<double>.One);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref ys, (nuint)i);
                var present = Vector256.Equals(v, v);
                var nv = Vector256.LoadUnsafe(ref ns, (nuint)i);
                var dv = Vector256.LoadUnsafe(ref ds, (nuint)i);
                var cv = Vector256.LoadUnsafe(ref cs, (nuint)i);
                Vector256.ConditionalSelect(present, nv + (v * w), nv).StoreUnsafe(ref ns, (nuint)i);
                Vector256.ConditionalSelect(present, dv + w, dv).StoreUnsafe(ref ds, (nuint)i);
                Vector256.ConditionalSelect(present, cv + one, cv).StoreUnsafe(ref cs, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref ys, i);
            if (!double.IsNaN(v))
            {
                Unsafe.Add(ref ns, i) += v * weight;
                Unsafe.Add(ref ds, i) += weight;
                Unsafe.Add(ref cs, i) += 1;
            }
        }
    }

    /// <summary>
    /// The weighted arithmetic mean num / den where enough children have a value (count &gt; 0, count ≥ threshold) and
    /// den &gt; 0, NaN elsewhere: <see cref="AggregationKernel.EnoughData"/> then <see cref="AggregationKernel.Finish"/>.
    /// </summary>
    public static void Finish(ReadOnlySpan<double> num, ReadOnlySpan<double> den, ReadOnlySpan<double> count, double threshold, Span<double> result)
    {
        ref var ns = ref MemoryMarshal.GetReference(num);
        ref var ds = ref MemoryMarshal.GetReference(den);
        ref var cs = ref MemoryMarshal.GetReference(count);
        ref var rs = ref MemoryMarshal.GetReference(result);
        var n = num.Length;
        var i = 0;
        if (Use512)
        {
            var (t, zero, nan) = (Vector512.Create(threshold), Vector512<double>.Zero, Vector512.Create(double.NaN));
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var c = Vector512.LoadUnsafe(ref cs, (nuint)i);
                var d = Vector512.LoadUnsafe(ref ds, (nuint)i);
                var ok = Vector512.GreaterThan(c, zero) & Vector512.GreaterThanOrEqual(c, t) & Vector512.GreaterThan(d, zero);
                Vector512.ConditionalSelect(ok, Vector512.LoadUnsafe(ref ns, (nuint)i) / d, nan).StoreUnsafe(ref rs, (nuint)i);
            }
        }
        else if (Use256)
        {
            var (t, zero, nan) = (Vector256.Create(threshold), Vector256<double>.Zero, Vector256.Create(double.NaN));
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var c = Vector256.LoadUnsafe(ref cs, (nuint)i);
                var d = Vector256.LoadUnsafe(ref ds, (nuint)i);
                var ok = Vector256.GreaterThan(c, zero) & Vector256.GreaterThanOrEqual(c, t) & Vector256.GreaterThan(d, zero);
                Vector256.ConditionalSelect(ok, Vector256.LoadUnsafe(ref ns, (nuint)i) / d, nan).StoreUnsafe(ref rs, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var c = Unsafe.Add(ref cs, i);
            var d = Unsafe.Add(ref ds, i);
            Unsafe.Add(ref rs, i) = c > 0 && c >= threshold && d > 0 ? Unsafe.Add(ref ns, i) / d : double.NaN;
        }
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
