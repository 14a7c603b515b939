namespace BRVT.Dti.Sources.Csv.Reading;

/// <summary>
/// Produces items in parallel and consumes them in order on the calling thread, with at most a window of items started
/// and not yet consumed: while the caller consumes item k, items k + 1 to k + window − 1 are produced on the thread
/// pool, and item k + window starts as soon as item k is consumed. Memory so holds a window of items at most.
/// </summary>
/// <remarks>
/// However the run ends (every item consumed, a declined item, an exception in a producer or the consumer, a
/// cancellation), it returns only once every started producer has finished; every item produced is released exactly
/// once, and every producer's exception is observed (the first one met in order is thrown, the others are dropped).
/// </remarks>
internal static class OrderedPipeline
{
    /// <summary>Runs the pipeline.</summary>
    /// <typeparam name="T">The item produced.</typeparam>
    /// <param name="count">The number of items.</param>
    /// <param name="window">The most items started and not yet consumed (at least 1).</param>
    /// <param name="produce">Produces item i (on a pool thread), or returns <see langword="null"/> to decline; the token
    /// is cancelled when the run ends early, so the producer may stop.</param>
    /// <param name="consume">Consumes an item, in order, on the calling thread.</param>
    /// <param name="release">Releases an item (consumed or not), once.</param>
    /// <param name="cancellationToken">Cancels the run: no item is consumed after it is cancelled.</param>
    /// <returns>Whether every item was produced and consumed; false when one was declined (no item after it is consumed).</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled (the exception carries <paramref name="cancellationToken"/>).</exception>
    public static bool Run<T>(int count, int window, Func<int, CancellationToken, T?> produce, Action<T> consume, Action<T> release, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Task<T?>?[Math.Min(window, count)];
        try
        {
            var next = 0;
            for (; next < pending.Length; next++)
            {
                pending[next] = Start(next);
            }

            for (var k = 0; k < count; k++)
            {
                var slot = k % pending.Length;
                var task = pending[slot]!;
                pending[slot] = null;
                if (Result(task, cancellationToken) is not { } item)
                {
                    return false;
                }

                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    consume(item);
                }
                finally
                {
                    release(item);
                }

                if (next < count)
                {
                    pending[slot] = Start(next++);
                }
            }

            return true;
        }
        finally
        {
            stop.Cancel();
            Drain(pending, release);
        }

        Task<T?> Start(int index) => Task.Run(() => produce(index, stop.Token), stop.Token);
    }

    /// <summary>A producer's item, or its exception; a producer not run because the run was cancelled throws for the caller's token.</summary>
    private static T? Result<T>(Task<T?> task, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    /// <summary>Waits for every started producer, releases what they produced and observes their exceptions.</summary>
    private static void Drain<T>(Task<T?>?[] pending, Action<T> release)
        where T : class
    {
        foreach (var task in pending)
        {
            if (task is null)
            {
                continue;
            }

            ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            if (task.IsCompletedSuccessfully)
            {
                if (task.Result is { } item)
                {
                    release(item);
                }
            }
            else
            {
                // Observed already by the wait without throwing (not left to the finalizer's UnobservedTaskException),
                // and read here to say so: the run ends with its own outcome (a decline, the consumer's exception, an
                // earlier producer's exception or the cancellation).
                _ = task.Exception;
            }
        }
    }
}
