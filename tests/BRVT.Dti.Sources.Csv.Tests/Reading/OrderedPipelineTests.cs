using System.Collections.Concurrent;
using BRVT.Dti.Sources.Csv.Reading;

namespace BRVT.Dti.Sources.Csv.Tests.Reading;

public sealed class OrderedPipelineTests
{
    [Fact]
    public void Run_EveryItem_ConsumedInOrderWithAtMostAWindowInFlight()
    {
        var probe = new Probe();
        var consumed = new List<int>();

        var complete = OrderedPipeline.Run(50, 3, probe.Produce, item => consumed.Add(item.Index), probe.Release, CancellationToken.None);

        Assert.True(complete);
        Assert.Equal(Enumerable.Range(0, 50), consumed);
        Assert.InRange(probe.MostAlive, 1, 3);
        probe.AssertSettled(50);
    }

    [Fact]
    public void Run_DeclinedItem_ReturnsFalseAfterEveryStartedProducerFinishedAndReleasesWhatTheyProduced()
    {
        var probe = new Probe { DeclineAt = 4 };
        var consumed = new List<int>();

        var complete = OrderedPipeline.Run(40, 5, probe.Produce, item => consumed.Add(item.Index), probe.Release, CancellationToken.None);

        Assert.False(complete);
        Assert.Equal([0, 1, 2, 3], consumed);
        probe.AssertSettled(produced: null);
    }

    [Fact]
    public void Run_ConsumerThrows_ThrowsItAfterEveryStartedProducerFinished()
    {
        var probe = new Probe();

        var thrown = Assert.Throws<InvalidDataException>(() => OrderedPipeline.Run(40, 5, probe.Produce, item =>
        {
            if (item.Index == 2)
            {
                throw new InvalidDataException("bad row");
            }
        }, probe.Release, CancellationToken.None));

        Assert.Equal("bad row", thrown.Message);
        probe.AssertSettled(produced: null);
    }

    [Fact]
    public void Run_ProducersThrow_ThrowsTheFirstInOrderAndObservesTheOthers()
    {
        var unobserved = 0;
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            // Only this test's producers' exceptions (other tests may run meanwhile).
            if (e.Exception.InnerExceptions.Any(x => x is IOException && x.Message.StartsWith("chunk ", StringComparison.Ordinal)))
            {
                Interlocked.Increment(ref unobserved);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            var probe = new Probe { ThrowFrom = 3 };

            var thrown = Assert.Throws<IOException>(() => OrderedPipeline.Run(40, 5, probe.Produce, _ => { }, probe.Release, CancellationToken.None));

            Assert.Equal("chunk 3", thrown.Message);
            probe.AssertSettled(produced: null);
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.Equal(0, Volatile.Read(ref unobserved));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    [Fact]
    public void Run_CancelledMidway_ThrowsOperationCanceledAfterEveryStartedProducerFinished()
    {
        using var cancellation = new CancellationTokenSource();
        var probe = new Probe();
        var consumed = new List<int>();

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => OrderedPipeline.Run(40, 5, probe.Produce, item =>
        {
            consumed.Add(item.Index);
            if (item.Index == 6)
            {
                cancellation.Cancel();
            }
        }, probe.Release, cancellation.Token));

        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        Assert.Equal(Enumerable.Range(0, 7), consumed);
        probe.AssertSettled(produced: null);
    }

    [Fact]
    public void Run_CancelledBeforehand_ConsumesNothing()
    {
        var probe = new Probe();
        var consumed = 0;
        var cancelled = new CancellationToken(canceled: true);

        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => OrderedPipeline.Run(10, 3, probe.Produce, _ => consumed++, probe.Release, cancelled));

        Assert.Equal(cancelled, thrown.CancellationToken);
        Assert.Equal(0, consumed);
        probe.AssertSettled(produced: null);
    }

    [Fact]
    public void Run_NoItems_CompleteWithoutProducing()
    {
        var probe = new Probe();

        Assert.True(OrderedPipeline.Run(0, 3, probe.Produce, _ => { }, probe.Release, CancellationToken.None));

        probe.AssertSettled(0);
    }

    private sealed record Item(int Index);

    /// <summary>Slow producers that count what is alive (produced, not released) and running.</summary>
    private sealed class Probe
    {
        private readonly ConcurrentDictionary<int, int> released = new();
        private readonly ConcurrentDictionary<int, bool> produced = new();
        private int running;
        private int alive;
        private int mostAlive;

        public int DeclineAt { get; init; } = -1;

        public int ThrowFrom { get; init; } = int.MaxValue;

        public int MostAlive => Volatile.Read(ref mostAlive);

        public Item? Produce(int index, CancellationToken stop)
        {
            Interlocked.Increment(ref running);
            try
            {
                Thread.Sleep(index % 3 == 0 ? 3 : 1);
                if (index >= ThrowFrom)
                {
                    throw new IOException($"chunk {index}");
                }

                if (index == DeclineAt)
                {
                    return null;
                }

                produced[index] = true;
                var now = Interlocked.Increment(ref alive);
                int most;
                while (now > (most = Volatile.Read(ref mostAlive)) && Interlocked.CompareExchange(ref mostAlive, now, most) != most)
                {
                }

                return new Item(index);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        public void Release(Item item)
        {
            released.AddOrUpdate(item.Index, 1, (_, n) => n + 1);
            Interlocked.Decrement(ref alive);
        }

        /// <summary>No producer still running, every item produced released exactly once (and, if given, how many).</summary>
        public void AssertSettled(int? produced)
        {
            Assert.Equal(0, Volatile.Read(ref running));
            Assert.Equal(this.produced.Keys.Order(), released.Keys.Order());
            Assert.All(released.Values, n => Assert.Equal(1, n));
            if (produced is { } count)
            {
                Assert.Equal(count, this.produced.Count);
            }
        }
    }
}
