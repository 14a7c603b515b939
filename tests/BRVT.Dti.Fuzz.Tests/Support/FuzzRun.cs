using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace BRVT.Dti.Fuzz.Tests.Support;

/// <summary>
/// Runs one fuzz property a fixed number of times with FsCheck, each case under a time bound, and counts what happened:
/// cases, outcomes (by kind) and the slowest case. A case that throws anything not allowed, breaks an invariant or
/// does not finish within <see cref="CaseTimeout"/> fails the property (FsCheck then shrinks the seed).
/// </summary>
internal sealed class FuzzRun
{
    /// <summary>Longer than any case takes; a case still running then is a hang.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> tallies = new(StringComparer.Ordinal);
    private long slowestTicks;
    private int cases;
    private long rowsRead;
    private long rowsAccounted;

    public FuzzRun(string name) => Name = name;

    public string Name { get; }

    public int Cases => cases;

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    public long RowsRead => Interlocked.Read(ref rowsRead);

    /// <summary>Rows read that were neither accepted nor rejected (must stay 0).</summary>
    public long RowsLost => Interlocked.Read(ref rowsRead) - Interlocked.Read(ref rowsAccounted);

    /// <summary>Adds a source's account to the run's totals.</summary>
    public void Account(BRVT.Dti.Data.SourceAccount account)
    {
        Interlocked.Add(ref rowsRead, account.RowsRead);
        Interlocked.Add(ref rowsAccounted, account.RowsAccepted + account.Rejected.Count);
    }

    /// <summary>Adds <paramref name="count"/> to a named figure of the run (e.g. values compared with an oracle), shown in the summary.</summary>
    public void Tally(string name, long count) => tallies.AddOrUpdate(name, count, (_, n) => n + count);

    /// <summary>A named figure of the run (0 when never tallied).</summary>
    public long Tallied(string name) => tallies.TryGetValue(name, out var n) ? n : 0;

    /// <summary>Checks <paramref name="check"/> on <paramref name="count"/> values of <paramref name="gen"/>; it returns the outcome's name or throws.</summary>
    public void Check<T>(Gen<T> gen, int count, Func<T, string> check)
    {
        var property = Prop.ForAll(gen.ToArbitrary(), value =>
        {
            var watch = Stopwatch.StartNew();
            var task = Task.Run(() => check(value));
            if (!task.Wait(CaseTimeout))
            {
                throw new TimeoutException($"{Name}: a case did not finish within {CaseTimeout.TotalSeconds} s: {Describe(value)}");
            }

            watch.Stop();
            Record(task.Result, watch.Elapsed);
        });
        FsCheck.Check.One(FuzzReplay.Configure(count), property);
    }

    /// <summary>
    /// Checks <paramref name="batches"/> values of <paramref name="gen"/>, each a batch of cases that share an expensive
    /// set-up (one database file); <paramref name="batch"/> runs the cases and <see cref="Record"/>s each. A batch still
    /// running after <paramref name="cases"/> × <see cref="CaseTimeout"/> is a hang, and so is a case that took longer
    /// than <see cref="CaseTimeout"/>.
    /// </summary>
    public void CheckBatches<T>(Gen<T> gen, int batches, int cases, Action<T> batch)
    {
        var property = Prop.ForAll(gen.ToArbitrary(), value =>
        {
            var task = Task.Run(() => batch(value));
            if (!task.Wait(CaseTimeout * cases))
            {
                throw new TimeoutException($"{Name}: a batch of {cases} cases did not finish within {(CaseTimeout * cases).TotalSeconds} s: {Describe(value)}");
            }

            if (Slowest > CaseTimeout)
            {
                throw new TimeoutException($"{Name}: a case took {Slowest.TotalSeconds:F1} s, longer than {CaseTimeout.TotalSeconds} s: {Describe(value)}");
            }
        });
        FsCheck.Check.One(FuzzReplay.Configure(batches), property);
    }

    /// <summary>Counts one case, its outcome and how long it took.</summary>
    public void Record(string outcome, TimeSpan elapsed)
    {
        Interlocked.Increment(ref cases);
        outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        var ticks = elapsed.Ticks;
        long seen;
        while (ticks > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, ticks, seen) != seen)
        {
        }
    }

    private static string Describe<T>(T value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    public string Summary(TimeSpan elapsed)
    {
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{Name}: {cases} cases in {elapsed.TotalSeconds:F1} s (slowest case {Slowest.TotalMilliseconds:F0} ms), 0 exceptions escaped, {RowsRead} rows read, {RowsLost} rows lost; outcomes: ");
        builder.AppendJoin(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value}")));
        if (!tallies.IsEmpty)
        {
            builder.Append("; ");
            builder.AppendJoin(", ", tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value}")));
        }
        return builder.ToString();
    }
}
