using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Evaluates the tree for a batch of C replications at once. Level 1 is a matrix product: for each unit row, the
/// numerator row (C values) accumulates T(xᵤₗ) · W[l, ·] over the indicators l in child order (units × leaves times
/// leaves × replications), and the denominator the weights of the children present. Higher levels combine the
/// children's replication rows element-wise. Every element follows exactly the arithmetic of
/// <see cref="CompositeSteps.Aggregate"/> (same operands, same order, element-wise operations only), so unperturbed
/// weights reproduce the published scores bit for bit.
/// </summary>
internal sealed class BatchedEvaluator
{
    private readonly CompositeStructure structure;
    private readonly AggregationKind kind;
    private readonly double minShare;
    private readonly int lastAggregate;
    private readonly int[] positiveChildren;
    private readonly bool[] allLeafChildren;
    private readonly bool[] allAggregateChildren;

    public BatchedEvaluator(CompositeStructure structure, AggregationKind kind, double minShare, int lastAggregate)
    {
        this.structure = structure;
        this.kind = kind;
        this.minShare = minShare;
        this.lastAggregate = lastAggregate;
        var leaves = structure.LeafCodes.Length;
        positiveChildren = [.. structure.ChildRefs.Select(ch => ch.Count(c => structure.Weights[c] > 0))];
        allLeafChildren = [.. structure.ChildRefs.Select(ch => ch.All(c => c < leaves))];
        allAggregateChildren = [.. structure.ChildRefs.Select(ch => ch.All(c => c >= leaves))];
    }

    /// <summary>The number of doubles of the block buffer for <paramref name="units"/> units and batch width <paramref name="width"/>.</summary>
    public int BlockLength(int units, int width) => (lastAggregate + 1) * units * width;

    /// <summary>
    /// Fills <paramref name="blocks"/> with every aggregate up to the target: aggregate a, unit u, replication k at
    /// ((a·U) + u)·C + k.
    /// </summary>
    /// <param name="leaves">The transformed indicators of the scenario.</param>
    /// <param name="weights">Node weights per replication: node n, replication k at n·C + k (0 for a left-out indicator).</param>
    /// <param name="excluded">The left-out indicator of each replication, or -1.</param>
    /// <param name="width">C, the number of replications in the batch.</param>
    /// <param name="blocks">The output buffer, at least <see cref="BlockLength"/> long.</param>
    public void Evaluate(LeafBlock leaves, double[] weights, int[] excluded, int width, double[] blocks)
    {
        var units = leaves.Units;
        var leafCount = structure.LeafCodes.Length;
        var num = new double[width];
        var den = new double[width];
        var denAll = new double[width];
        var count = new int[width];
        var total = new int[width];
        var zero = new bool[width];
        var negative = new bool[width];
        var arithmetic = kind == AggregationKind.Arithmetic;

        // Whether an aggregate's row of a unit has a value in every replication of the batch.
        var complete = new bool[lastAggregate + 1][];
        for (var a = 0; a <= lastAggregate; a++)
        {
            complete[a] = new bool[units];
        }

        for (var a = 0; a <= lastAggregate; a++)
        {
            var children = structure.ChildRefs[a];
            Array.Clear(denAll);
            foreach (var c in children)
            {
                TensorPrimitives.Add(denAll, weights.AsSpan(c * width, width), denAll);
            }

            var everyTotalPositive = true;
            for (var k = 0; k < width; k++)
            {
                var e = excluded[k];
                var out1 = e >= 0 && structure.ParentOf[e] == leafCount + a && structure.Weights[e] > 0;
                total[k] = positiveChildren[a] - (out1 ? 1 : 0);
                everyTotalPositive &= total[k] > 0;
            }

            if (arithmetic && allLeafChildren[a])
            {
                ArithmeticOfLeaves(children, leaves, weights, width, total, blocks.AsSpan(a * units * width, units * width), complete[a]);
                continue;
            }

            var leafComplete = allLeafChildren[a] ? leaves.Complete[a] : null;
            for (var u = 0; u < units; u++)
            {
                var output = blocks.AsSpan(((a * units) + u) * width, width);
                Array.Clear(num);
                if (leafComplete is not null && leafComplete[u])
                {
                    // Units × indicators times indicators × replications, one unit row at a time.
                    foreach (var c in children)
                    {
                        TensorPrimitives.MultiplyAdd(weights.AsSpan(c * width, width), leaves.Transformed[c][u], num, num);
                    }

                    if (arithmetic && everyTotalPositive)
                    {
                        // Division is correctly rounded, element-wise or not: the same bits as the scalar Finish.
                        TensorPrimitives.Divide(num, denAll, output);
                        complete[a][u] = true;
                        continue;
                    }

                    for (var k = 0; k < width; k++)
                    {
                        output[k] = AggregationKernel.EnoughData(total[k], total[k], minShare)
                            ? AggregationKernel.Finish(kind, num[k], denAll[k], zero: false, negative: false)
                            : double.NaN;
                    }

                    complete[a][u] = NoNaN(output);
                    continue;
                }

                if (arithmetic && everyTotalPositive && allAggregateChildren[a] && AllComplete(children, complete, leafCount, u))
                {
                    // Every child aggregate has a value in every replication: element-wise products and sums.
                    foreach (var c in children)
                    {
                        TensorPrimitives.MultiplyAdd(blocks.AsSpan((((c - leafCount) * units) + u) * width, width), weights.AsSpan(c * width, width), num, num);
                    }

                    TensorPrimitives.Divide(num, denAll, output);
                    complete[a][u] = true;
                    continue;
                }

                Array.Clear(den);
                Array.Clear(count);
                Array.Clear(zero);
                Array.Clear(negative);
                foreach (var c in children)
                {
                    var w = weights.AsSpan(c * width, width);
                    if (c < leafCount)
                    {
                        if (!leaves.Present[c][u])
                        {
                            continue;
                        }

                        TensorPrimitives.MultiplyAdd(w, leaves.Transformed[c][u], num, num);
                        TensorPrimitives.Add(den, w, den);
                        var (z, n) = (leaves.Zero[c][u], leaves.Negative[c][u]);
                        for (var k = 0; k < width; k++)
                        {
                            if (w[k] > 0)
                            {
                                count[k]++;
                                zero[k] |= z;
                                negative[k] |= n;
                            }
                        }
                    }
                    else
                    {
                        var values = blocks.AsSpan(((((c - leafCount) * units) + u) * width), width);
                        for (var k = 0; k < width; k++)
                        {
                            var x = values[k];
                            if (double.IsNaN(x) || !(w[k] > 0))
                            {
                                continue;
                            }

                            count[k]++;
                            num[k] += AggregationKernel.Transform(kind, x) * w[k];
                            den[k] += w[k];
                            zero[k] |= AggregationKernel.IsZero(kind, x);
                            negative[k] |= AggregationKernel.IsNegative(kind, x);
                        }
                    }
                }

                for (var k = 0; k < width; k++)
                {
                    output[k] = AggregationKernel.EnoughData(count[k], total[k], minShare)
                        ? AggregationKernel.Finish(kind, num[k], den[k], zero[k], negative[k])
                        : double.NaN;
                }

                complete[a][u] = NoNaN(output);
            }
        }
    }

    /// <summary>
    /// A weighted arithmetic mean of indicators for every unit of the batch, missing values resolved before the
    /// products: num = T · W with T = 0 where a value is missing, den = P · W with P = 1 where present and 0 where
    /// missing (and, when a data share is required, the count of present positively weighted children = P · [W &gt; 0]).
    /// A missing child adds (w · 0) = +0 to sums that start at +0 and never become −0, so every element equals the
    /// scalar loop that skips missing children: same products, same order.
    /// </summary>
    private void ArithmeticOfLeaves(int[] children, LeafBlock leaves, double[] weights, int width, int[] total, Span<double> output, bool[] complete)
    {
        var units = leaves.Units;
        var length = units * width;
        var den = ArrayPool<double>.Shared.Rent(length);
        var count = minShare > 0 ? ArrayPool<double>.Shared.Rent(length) : null;
        var positive = minShare > 0 ? ArrayPool<double>.Shared.Rent(structure.Weights.Length * width) : null;
        try
        {
            LeafProducts.Multiply(children, leaves.Transformed, null, weights, width, output);
            LeafProducts.Multiply(children, leaves.Presence, null, weights, width, den.AsSpan(0, length));
            if (count is not null && positive is not null)
            {
                foreach (var c in children)
                {
                    for (var k = 0; k < width; k++)
                    {
                        positive[(c * width) + k] = weights[(c * width) + k] > 0 ? 1 : 0;
                    }
                }

                LeafProducts.Multiply(children, leaves.Presence, null, positive, width, count.AsSpan(0, length));
            }

            for (var u = 0; u < units; u++)
            {
                var row = output.Slice(u * width, width);
                if (count is null)
                {
                    // Any one child suffices: the mean exists where den > 0.
                    complete[u] = DivideWherePositive(row, den.AsSpan(u * width, width));
                    continue;
                }

                var all = true;
                for (var k = 0; k < width; k++)
                {
                    var d = den[(u * width) + k];
                    var enough = AggregationKernel.EnoughData((int)count[(u * width) + k], total[k], minShare);
                    row[k] = enough ? AggregationKernel.Finish(AggregationKind.Arithmetic, row[k], d, zero: false, negative: false) : double.NaN;
                    all &= !double.IsNaN(row[k]);
                }

                complete[u] = all;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(den);
            if (count is not null)
            {
                ArrayPool<double>.Shared.Return(count);
            }

            if (positive is not null)
            {
                ArrayPool<double>.Shared.Return(positive);
            }
        }
    }

    /// <summary>
    /// num[k] = den[k] &gt; 0 ? num[k] / den[k] : NaN in place (<see cref="AggregationKernel.Finish"/> for an arithmetic
    /// mean; division is correctly rounded lane by lane); whether every result is a number.
    /// </summary>
    private static bool DivideWherePositive(Span<double> num, ReadOnlySpan<double> den)
    {
        var k = 0;
        var all = true;
        if (Vector512.IsHardwareAccelerated)
        {
            var (zero, nan) = (Vector512<double>.Zero, Vector512.Create(double.NaN));
            for (; k <= num.Length - Vector512<double>.Count; k += Vector512<double>.Count)
            {
                var d = Vector512.Create(den.Slice(k, Vector512<double>.Count));
                var q = Vector512.ConditionalSelect(Vector512.GreaterThan(d, zero), Vector512.Create(num.Slice(k, Vector512<double>.Count)) / d, nan);
                q.CopyTo(num.Slice(k));
                all &= Vector512.EqualsAll(q, q);
            }
        }

        for (; k < num.Length; k++)
        {
            num[k] = den[k] > 0 ? num[k] / den[k] : double.NaN;
            all &= !double.IsNaN(num[k]);
        }

        return all;
    }

    private static bool AllComplete(int[] children, bool[][] complete, int leafCount, int u)
    {
        foreach (var c in children)
        {
            if (!complete[c - leafCount][u])
            {
                return false;
            }
        }

        return true;
    }

    private static bool NoNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                return false;
            }
        }

        return true;
    }
}
