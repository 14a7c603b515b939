using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BRVT.Dti.Analysis;

/// <summary>
/// The columnar fast path of a <see cref="CompositePipeline"/> that normalises (goalposts, min-max or none) and
/// aggregates with weighted arithmetic means: compiled once to flat arrays, then evaluated over unit blocks with
/// element-wise AVX-512 / AVX2 kernels into a reusable <see cref="CompositeScores"/> buffer, and the index ranked.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; one kernel may evaluate into several buffers at once, one buffer per call.</para>
/// <para>Every score is bit-identical to <see cref="CompositePipeline.Run"/>'s: each unit's value is computed with the
/// same IEEE operations in the same order (children in structure order, missing children skipped and weights
/// re-normalised over those present), only for several units at a time; nothing is summed across units, so neither the
/// vector width nor the number of threads changes a bit. Ranks are standard competition ranks of the index, exact ties
/// sharing a rank, as the pipeline's.</para>
/// <para>Evaluating allocates nothing when it runs on one thread (fewer than <see cref="ParallelThreshold"/> units or
/// a degree of parallelism of 1): scores, scratch and ranks live in the buffer.</para>
/// </remarks>
public sealed class CompositeKernel
{
    /// <summary>The number of units from which evaluation is split over threads, unless told otherwise.</summary>
    public const int ParallelThreshold = 32 * BlockSize;

    /// <summary>Units per block: a block's aggregate scores stay in cache until their parents have read them.</summary>
    internal const int BlockSize = 1024;

    private readonly int leafCount;
    private readonly int[][] children;
    private readonly double[] thresholds;
    private readonly ChildTerm[][]? fixedTerms;

    private CompositeKernel(CompositePipeline pipeline)
    {
        Pipeline = pipeline;
        var structure = pipeline.Structure;
        leafCount = structure.LeafCodes.Length;
        Leaves = [.. structure.LeafCodes.Select(c => structure[c])];
        children = [.. structure.ChildRefs.Select(ch => ch.Where(c => structure.Weights[c] > 0).ToArray())];
        var share = pipeline.Options.Aggregation.MinDataShare;
        thresholds = [.. children.Select(ch => (share * ch.Length) - 1e-9)];
        fixedTerms = pipeline.Options.Normalisation.Kind == NormalisationKind.MinMax
            ? null
            : [.. children.Select(ch => ch.Select(c => Term(c, double.NaN, double.NaN)).ToArray())];
    }

    /// <summary>The pipeline this kernel evaluates.</summary>
    public CompositePipeline Pipeline { get; }

    /// <summary>The structure (tree, weights, directions, goalposts).</summary>
    public CompositeStructure Structure => Pipeline.Structure;

    internal CompositeNode[] Leaves { get; }

    internal int LeafCount => leafCount;

    /// <summary>Each aggregate's children with a positive weight, as node ordinals (leaves, then aggregates).</summary>
    internal int[][] Children => children;

    /// <summary>Whether a pipeline has a columnar fast path, and if not, why.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="kernel">The kernel, when supported.</param>
    /// <param name="reason">Why not, when not supported.</param>
    /// <returns><see langword="true"/> when the pipeline only normalises (goalposts, min-max or none) and aggregates
    /// with arithmetic means.</returns>
    public static bool TryCreate(CompositePipeline pipeline, [NotNullWhen(true)] out CompositeKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var options = pipeline.Options;
        reason = options switch
        {
            { Denominate: true } => "denomination is not part of the columnar fast path",
            { Screening: not null } => "screening is not part of the columnar fast path",
            { Imputation: not null } => "imputation is not part of the columnar fast path",
            { Outliers: not null } => "outlier treatment is not part of the columnar fast path",
            { Aggregation.Kind: not AggregationKind.Arithmetic } => $"the {options.Aggregation.Kind} mean is not part of the columnar fast path (arithmetic means only)",
            { Normalisation.Kind: not (NormalisationKind.Goalposts or NormalisationKind.MinMax or NormalisationKind.None) } =>
                $"{options.Normalisation.Kind} normalisation is not part of the columnar fast path (goalposts, min-max or none)",
            _ => null,
        };
        kernel = reason is null ? new CompositeKernel(pipeline) : null;
        return kernel is not null;
    }

    /// <summary>Compiles the fast path of a pipeline.</summary>
    /// <param name="pipeline">The pipeline: no denomination, screening, imputation or outlier treatment; goalposts,
    /// min-max or no normalisation; arithmetic means.</param>
    /// <returns>The kernel.</returns>
    /// <exception cref="NotSupportedException">The pipeline uses a step the fast path does not have; the message says which.</exception>
    public static CompositeKernel Create(CompositePipeline pipeline) =>
        TryCreate(pipeline, out var kernel, out var reason) ? kernel : throw new NotSupportedException($"The pipeline has no columnar fast path: {reason}. Use CompositePipeline.Run.");

    /// <summary>Allocates a buffer for <paramref name="unitCount"/> units; reuse it for every evaluation of that size.</summary>
    /// <param name="unitCount">The number of units.</param>
    /// <returns>The buffer.</returns>
    public CompositeScores CreateScores(int unitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitCount);
        return new CompositeScores(this, unitCount);
    }

    /// <summary>Normalises, aggregates and ranks every unit of <paramref name="data"/> into <paramref name="scores"/>.</summary>
    /// <param name="data">Unit data with a column for every indicator of the structure (other columns are ignored).</param>
    /// <param name="scores">A buffer of this kernel for exactly <paramref name="data"/>'s number of units.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 for as many as pay (from
    /// <see cref="ParallelThreshold"/> units on), 1 for the calling thread only.</param>
    /// <param name="cancellationToken">Stops the evaluation between blocks.</param>
    /// <exception cref="ArgumentException">The buffer belongs to another kernel or has another number of units.</exception>
    /// <exception cref="DefinitionException">The data lack an indicator column.</exception>
    /// <exception cref="OperationCanceledException">The evaluation was cancelled.</exception>
    public void Evaluate(IndicatorMatrix data, CompositeScores scores, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(scores);
        if (!ReferenceEquals(scores.Kernel, this) || scores.UnitCount != data.UnitCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The buffer must come from this kernel's CreateScores({data.UnitCount})."), nameof(scores));
        }

        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (as many as pay) or a positive number.");
        }

        var units = data.UnitCount;
        var columns = scores.LeafColumns;
        for (var l = 0; l < leafCount; l++)
        {
            var c = data.IndexOfIndicator(Structure.LeafCodes[l]);
            columns[l] = c >= 0 ? data.ColumnArray(c) : throw new DefinitionException($"The data have no indicator column '{Structure.LeafCodes[l]}'.");
        }

        scores.BindSources();
        var blocks = (units + BlockSize - 1) / BlockSize;
        var threads = maxDegreeOfParallelism == -1
            ? (units >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, blocks) : 1)
            : Math.Min(maxDegreeOfParallelism, Math.Max(1, blocks));
        var terms = fixedTerms ?? MinMaxTerms(scores, threads, cancellationToken);
        if (threads <= 1)
        {
            for (var b = 0; b < blocks; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                EvaluateBlock(scores, terms, b * BlockSize, Math.Min(BlockSize, units - (b * BlockSize)));
            }
        }
        else
        {
            EvaluateInParallel(scores, terms, blocks, threads, cancellationToken);
        }

        scores.Ranker.Rank(scores.Scores(children.Length - 1), scores.RankArray, threads);
    }

    /// <summary>An indicator's or aggregate's term in its parent.</summary>
    private ChildTerm Term(int child, double rawMin, double rawMax)
    {
        var weight = Structure.Weights[child];
        return child < leafCount ? ChildTerm.Of(Leaves[child], Pipeline.Options.Normalisation, weight, rawMin, rawMax) : ChildTerm.Identity(weight);
    }

    /// <summary>Min-max terms: each indicator column's range first (in parallel when large), then the terms.</summary>
    private ChildTerm[][] MinMaxTerms(CompositeScores scores, int threads, CancellationToken cancellationToken)
    {
        var ranges = scores.Ranges;
        if (threads > 1)
        {
            RangesInParallel(scores, threads, cancellationToken);
        }
        else
        {
            for (var l = 0; l < leafCount; l++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ranges[l] = ColumnKernels.PresentRange(scores.LeafColumns[l]);
            }
        }

        var terms = scores.Terms;
        for (var a = 0; a < children.Length; a++)
        {
            for (var k = 0; k < children[a].Length; k++)
            {
                var c = children[a][k];
                terms[a][k] = c < leafCount ? Term(c, ranges[c].Min, ranges[c].Max) : Term(c, double.NaN, double.NaN);
            }
        }

        return terms;
    }

    private void RangesInParallel(CompositeScores scores, int threads, CancellationToken cancellationToken) =>
        Parallel.For(0, leafCount, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, l =>
            scores.Ranges[l] = ColumnKernels.PresentRange(scores.LeafColumns[l]));

    /// <summary>Blocks handed out one at a time to <paramref name="threads"/> workers.</summary>
    private void EvaluateInParallel(CompositeScores scores, ChildTerm[][] terms, int blocks, int threads, CancellationToken cancellationToken)
    {
        var units = scores.UnitCount;
        var next = -1;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < blocks && !cancellationToken.IsCancellationRequested)
            {
                EvaluateBlock(scores, terms, b * BlockSize, Math.Min(BlockSize, units - (b * BlockSize)));
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Every aggregate of units [start, start + length), bottom-up, into the buffer.</summary>
    private void EvaluateBlock(CompositeScores scores, ChildTerm[][] terms, int start, int length)
    {
        var units = scores.UnitCount;
        for (var a = 0; a < children.Length; a++)
        {
            ColumnKernels.Aggregate(terms[a], scores.Sources[a], scores.Offsets[a], thresholds[a], start, scores.Values.AsSpan((a * units) + start, length));
        }
    }
}
