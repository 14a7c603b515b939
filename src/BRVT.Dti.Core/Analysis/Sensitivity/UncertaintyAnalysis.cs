using System.Buffers;

namespace BRVT.Dti.Analysis;

/// <summary>
/// Monte Carlo uncertainty and sensitivity analysis of a composite index (COINr <c>get_sensitivity</c>, the JRC/OECD
/// Handbook's step 7): how far each unit's rank moves when weights, method choices and the indicator set vary, and
/// which input moves it most.
/// </summary>
/// <remarks>
/// <para>Thread-safe. The random draws are made up front, one replication after another, from
/// <c>new Random(seed)</c>, so a seed reproduces the result exactly, whatever the number of threads.</para>
/// <para>Replications sharing the same discrete choices (imputation × normalisation × aggregation) are evaluated in
/// batches: the normalised matrix of that scenario (units × indicators) times the batch's weight matrix (indicators ×
/// replications) gives every batch score of every first-level aggregate at once; higher levels combine those rows
/// element-wise with the batch's weights; no replication recomputes the pipeline. Weights are re-normalised within
/// each aggregate over the children present, as in the published run.</para>
/// </remarks>
public static class UncertaintyAnalysis
{
    private const int BatchWidth = 128;

    /// <summary>Runs the analysis.</summary>
    /// <param name="pipeline">The nominal pipeline; its choices are those kept when a choice list is empty.</param>
    /// <param name="data">The data, as for <see cref="CompositePipeline.Run"/>.</param>
    /// <param name="options">What varies, how many replications, the seed.</param>
    /// <param name="progress">Receives the fraction of replications done (0..1), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>Rank bands per unit and variance shares per input.</returns>
    /// <exception cref="ArgumentException">The options are invalid, or the target is not an aggregate.</exception>
    /// <exception cref="DefinitionException">The data or the structure do not support a chosen method.</exception>
    /// <exception cref="OperationCanceledException">The analysis was cancelled.</exception>
    public static UncertaintyResult Run(CompositePipeline pipeline, IndicatorMatrix data, UncertaintyOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var structure = pipeline.Structure;
        var target = options.Target ?? structure.Root;
        var targetAggregate = Array.IndexOf(structure.AggregateCodes, target);
        if (targetAggregate < 0)
        {
            throw new ArgumentException($"'{target}' is not an aggregate of the structure.", nameof(options));
        }

        foreach (var normalisation in options.NormalisationChoices)
        {
            CompositeSteps.CheckParameters(structure.Nodes.Where(n => n.IsIndicator), normalisation);
        }

        var nominal = pipeline.Run(data, cancellationToken);
        var imputations = options.ImputationChoices.Count > 0 ? [.. options.ImputationChoices] : new[] { pipeline.Options.Imputation };
        var normalisations = options.NormalisationChoices.Count > 0 ? [.. options.NormalisationChoices] : new[] { pipeline.Options.Normalisation };
        var aggregations = options.AggregationChoices.Count > 0 ? [.. options.AggregationChoices] : new[] { pipeline.Options.Aggregation.Kind };
        var plan = Plan.Draw(structure, options, imputations.Length, normalisations.Length, aggregations.Length);

        // Each scenario's normalised matrix, computed once, in a fixed order.
        var scenarios = new Dictionary<(int Imputation, int Normalisation), IndicatorMatrix>();
        foreach (var key in plan.Imputation.Zip(plan.Normalisation).Distinct().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The pipeline's own choices (the first of each list when the options give none) are the nominal run's.
            var own = (key.First == 0 && options.ImputationChoices.Count == 0) && (key.Second == 0 && options.NormalisationChoices.Count == 0);
            scenarios[key] = own ? nominal.Normalised : pipeline.Prepare(data, imputations[key.First], normalisations[key.Second], cancellationToken).Normalised;
        }

        var blocks = new Dictionary<(int, int, int), LeafBlock>();
        var work = new List<(LeafBlock Leaves, BatchedEvaluator Evaluator, int[] Replications)>();
        var evaluators = aggregations.Select(k => new BatchedEvaluator(structure, k, pipeline.Options.Aggregation.MinDataShare, targetAggregate)).ToArray();
        var groups = Enumerable.Range(0, options.Replications)
            .GroupBy(r => (plan.Imputation[r], plan.Normalisation[r], plan.Aggregation[r]))
            .OrderBy(g => g.Key);
        foreach (var group in groups)
        {
            if (!blocks.TryGetValue(group.Key, out var leaves))
            {
                leaves = new LeafBlock(scenarios[(group.Key.Item1, group.Key.Item2)], structure, aggregations[group.Key.Item3]);
                blocks[group.Key] = leaves;
            }

            foreach (var chunk in group.Chunk(BatchWidth))
            {
                work.Add((leaves, evaluators[group.Key.Item3], chunk));
            }
        }

        var units = nominal.UnitIds.Count;
        var replications = options.Replications;

        // Ranks are written replication-major (one contiguous row per replication), then transposed once to unit-major.
        var byReplication = new int[(long)units * replications > Array.MaxLength ? throw new ArgumentException("Too many units × replications.", nameof(options)) : units * replications];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1 };
        var done = 0L;
        var nodeCount = structure.Weights.Length;
        Parallel.ForEach(work, parallel, () => new ReplicationRanking(units), (item, _, ranking) =>
        {
            var width = item.Replications.Length;
            var weights = ArrayPool<double>.Shared.Rent(nodeCount * width);
            var scores = ArrayPool<double>.Shared.Rent(item.Evaluator.BlockLength(units, width));
            var columns = ArrayPool<double>.Shared.Rent(units * width);
            try
            {
                var excluded = new int[width];
                for (var k = 0; k < width; k++)
                {
                    var r = item.Replications[k];
                    excluded[k] = plan.Excluded[r];
                    for (var n = 0; n < nodeCount; n++)
                    {
                        weights[(n * width) + k] = n == excluded[k] ? 0 : structure.Weights[n] * plan.Multipliers[n][r];
                    }
                }

                item.Evaluator.Evaluate(item.Leaves, weights, excluded, width, scores);
                ReplicationRanking.Transpose<double>(scores.AsSpan(targetAggregate * units * width, units * width), units, width, columns);
                for (var k = 0; k < width; k++)
                {
                    ranking.Rank(columns.AsSpan(k * units, units), byReplication.AsSpan(item.Replications[k] * units, units));
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(weights);
                ArrayPool<double>.Shared.Return(scores);
                ArrayPool<double>.Shared.Return(columns);
            }

            progress?.Report((double)Interlocked.Add(ref done, width) / replications);
            return ranking;
        }, _ => { });

        var flat = new int[byReplication.Length];
        ReplicationRanking.Transpose<int>(byReplication, replications, units, flat);
        var nominalRanks = nominal.Ranks(target);
        var bands = new UnitRankBand[units];
        var histogram = new int[units + 1];
        for (var u = 0; u < units; u++)
        {
            var (median, p5, p95, mean, count) = RankStatistics.Summarise(flat.AsSpan(u * replications, replications), histogram);
            bands[u] = new UnitRankBand(nominal.UnitIds[u], nominalRanks[u], median, p5, p95, mean, count);
        }

        var shares = options.VarianceShares
            ? VarianceShareEstimator.Estimate(byReplication, units, replications, plan.Inputs(structure, options, imputations.Length, normalisations.Length, aggregations.Length), parallel)
            : [];
        return new UncertaintyResult(target, options, nominal, bands, shares, flat);
    }

    /// <summary>Every replication's draws.</summary>
    internal sealed class Plan
    {
        private Plan(int replications, int nodes)
        {
            Imputation = new int[replications];
            Normalisation = new int[replications];
            Aggregation = new int[replications];
            Excluded = new int[replications];
            Multipliers = new double[nodes][];
            for (var n = 0; n < nodes; n++)
            {
                Multipliers[n] = new double[replications];
            }
        }

        public int[] Imputation { get; }

        public int[] Normalisation { get; }

        public int[] Aggregation { get; }

        public int[] Excluded { get; }

        /// <summary>Weight multipliers by node ordinal and replication (1 for the root).</summary>
        public double[][] Multipliers { get; }

        /// <summary>Draws replication by replication: imputation, normalisation, aggregation, left-out indicator, then each node's multiplier.</summary>
        public static Plan Draw(CompositeStructure structure, UncertaintyOptions options, int imputations, int normalisations, int aggregations)
        {
            var nodes = structure.Weights.Length;
            var leaves = structure.LeafCodes.Length;
            var plan = new Plan(options.Replications, nodes);
            var random = new Random(options.Seed);
            var p = options.WeightPerturbation;
            for (var r = 0; r < options.Replications; r++)
            {
                plan.Imputation[r] = imputations > 1 ? random.Next(imputations) : 0;
                plan.Normalisation[r] = normalisations > 1 ? random.Next(normalisations) : 0;
                plan.Aggregation[r] = aggregations > 1 ? random.Next(aggregations) : 0;
                plan.Excluded[r] = options.ExcludeIndicators ? random.Next(leaves + 1) - 1 : -1;
                for (var n = 0; n < nodes; n++)
                {
                    plan.Multipliers[n][r] = p > 0 && structure.ParentOf[n] >= 0 ? 1 + (p * ((2 * random.NextDouble()) - 1)) : 1;
                }
            }

            return plan;
        }

        /// <summary>The uncertain inputs with each replication's bin.</summary>
        public List<VarianceShareEstimator.Input> Inputs(CompositeStructure structure, UncertaintyOptions options, int imputations, int normalisations, int aggregations)
        {
            var inputs = new List<VarianceShareEstimator.Input>();
            if (imputations > 1)
            {
                inputs.Add(new("imputation", Imputation, imputations));
            }

            if (normalisations > 1)
            {
                inputs.Add(new("normalisation", Normalisation, normalisations));
            }

            if (aggregations > 1)
            {
                inputs.Add(new("aggregation", Aggregation, aggregations));
            }

            if (options.ExcludeIndicators)
            {
                inputs.Add(new("excluded indicator", [.. Excluded.Select(e => e + 1)], structure.LeafCodes.Length + 1));
            }

            var p = options.WeightPerturbation;
            if (p > 0)
            {
                var b = options.WeightBins;
                for (var n = 0; n < Multipliers.Length; n++)
                {
                    if (structure.ParentOf[n] < 0)
                    {
                        continue;
                    }

                    var bins = Multipliers[n].Select(m => Math.Clamp((int)((m - (1 - p)) / (2 * p) * b), 0, b - 1)).ToArray();
                    inputs.Add(new("weight:" + structure.CodeOf(n), bins, b));
                }
            }

            return inputs;
        }
    }
}
