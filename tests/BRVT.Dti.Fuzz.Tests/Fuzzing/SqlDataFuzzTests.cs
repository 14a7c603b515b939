using System.Diagnostics;
using BRVT.Dti.Data;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Fuzz.Tests.Support.Sql;
using BRVT.Dti.Sources.Sql;
using System.Globalization;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using BRVT.Dti.TestUtilities;
using DuckDB.NET.Data;
using Npgsql;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// The data of SQL sources comes from systems the index does not control: generated SQLite and DuckDB databases
/// whose tables hold hostile rows (text in numeric columns, NULLs, NaN and infinities, huge and tiny numbers, long
/// strings, unit ids with odd spaces, case and Unicode, duplicates, other periods, mixed types, missing columns,
/// empty tables, raw records with hostile filter fields) are read leniently and strictly. Only
/// <see cref="DataSourceException"/> escapes; the lenient account balances, every rejection names the table and the
/// row's identifier or key; the result equals what <see cref="SqlOracle"/> computes from the stored rows.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class SqlDataFuzzTests(FuzzFigures figures, PostgresOnDemand postgres, ITestOutputHelper output) : IClassFixture<PostgresOnDemand>, IDisposable
{
    private const int SqliteCases = 2000;
    private const int DuckDbCases = 500;
    private const int PostgresCases = 300;
    private const int Batch = 25;

    private readonly TempFolder folder = new("dti-fuzz-");

    private string root => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadAsync_SqliteTablesOfHostileRows_OnlySourceErrorsAndTheOraclesResult()
    {
        var run = new FuzzRun("sqlite databases (hostile rows, SQL sources' data)");
        var watch = Stopwatch.StartNew();
        var path = Path.Combine(root, "fuzz.db");
        run.Check(Gen.Choose(0, int.MaxValue), SqliteCases, seed =>
        {
            var fuzz = SqlFuzzCase.Generate(seed, SqlEngine.Sqlite);
            SqlFuzzDatabase.Write([fuzz], path);
            return Case(fuzz, path, run);
        });
        Finish(run, watch, SqliteCases);
    }

    /// <summary>
    /// DuckDB cases run in batches of 25 that share one database file (each case has its own tables): creating, opening
    /// and checkpointing a DuckDB file costs far more than reading it. The tables stay in the write-ahead log (a
    /// checkpoint of a hundred small tables takes half a second), which DuckDB replays on opening. A read-only
    /// connection held open for the batch keeps the database open, read-only as the sources open it, so that each
    /// source's connection joins it; each case is still timed against the bound.
    /// </summary>
    [Fact]
    public void ReadAsync_DuckDbTablesOfHostileRows_OnlySourceErrorsAndTheOraclesResult()
    {
        var run = new FuzzRun("duckdb databases (hostile rows, SQL sources' data)");
        var watch = Stopwatch.StartNew();
        var path = Path.Combine(root, "fuzz.duckdb");
        run.CheckBatches(Gen.Choose(0, int.MaxValue), DuckDbCases / Batch, Batch, batchSeed =>
        {
            var random = new Random(batchSeed);
            var cases = Enumerable.Range(0, Batch).Select(i => SqlFuzzCase.Generate(random.Next(), SqlEngine.DuckDb, $"_{i}")).ToList();
            SqlFuzzDatabase.Write(cases, path);
            using var keeper = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = path, AccessMode = DuckDBAccessMode.ReadOnly }.ToString());
            keeper.Open();
            foreach (var fuzz in cases)
            {
                var clock = Stopwatch.StartNew();
                var outcome = Case(fuzz, path, run);
                run.Record(outcome, clock.Elapsed);
            }
        });
        Finish(run, watch, DuckDbCases);
    }

    /// <summary>
    /// PostgreSQL: a throwaway cluster on 127.0.0.1 (the SQL tests' fixture, linked), one database, batches of 25 cases
    /// each with their own tables. Its types are DuckDB's, renamed (text, integer, bigint, double precision, real,
    /// numeric, boolean, date).
    /// </summary>
    [Fact]
    public void ReadAsync_PostgresTablesOfHostileRows_OnlySourceErrorsAndTheOraclesResult()
    {
        var watch = Stopwatch.StartNew();
        var cluster = postgres.Cluster;
        var run = new FuzzRun(string.Create(CultureInfo.InvariantCulture, $"postgres databases (hostile rows, SQL sources' data; cluster started in {cluster.StartupTime.TotalSeconds:F1} s)"));
        // Pooled, as Npgsql pools by default (the fixture turns pooling off to drop databases; this one stays until the cluster stops).
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString(cluster.CreateDatabase())) { Pooling = true }.ConnectionString;
        var batches = 0;
        run.CheckBatches(Gen.Choose(0, int.MaxValue), PostgresCases / Batch, Batch, batchSeed =>
        {
            var random = new Random(batchSeed);
            var batch = ++batches;
            var cases = Enumerable.Range(0, Batch).Select(i => SqlFuzzCase.Generate(random.Next(), SqlEngine.Postgres, string.Create(CultureInfo.InvariantCulture, $"_{batch}_{i}"))).ToList();
            cases.ForEach(c => c.ConnectionString = connectionString);
            SqlFuzzDatabase.Write(cases, connectionString);
            foreach (var fuzz in cases)
            {
                var clock = Stopwatch.StartNew();
                var outcome = Case(fuzz, connectionString, run);
                run.Record(outcome, clock.Elapsed);
            }
        });
        NpgsqlConnection.ClearAllPools();
        Finish(run, watch, PostgresCases);
    }

    /// <summary>Seeds that failed before the plugin was fixed: filter arithmetic overflowing (SQLite), periods in DOUBLE and numeric columns (DuckDB, PostgreSQL), ctid order (PostgreSQL).</summary>
    [Theory]
    [InlineData("sqlite", 1752003438)]
    [InlineData("duckdb", 978654205)]
    [InlineData("postgres", 1860101232)]
    [InlineData("postgres", 812157025)]
    public void ReadAsync_SeedThatOnceFailed_StillMatchesTheOracle(string engine, int seed)
    {
        var run = new FuzzRun("replay");
        var fuzz = SqlFuzzCase.Generate(seed, engine switch { "sqlite" => SqlEngine.Sqlite, "duckdb" => SqlEngine.DuckDb, _ => SqlEngine.Postgres });
        var cluster = engine == "postgres" ? postgres.Cluster : null;
        fuzz.ConnectionString = cluster?.ConnectionString(cluster.CreateDatabase());
        var path = fuzz.ConnectionString ?? Path.Combine(root, fuzz.FileName);
        SqlFuzzDatabase.Write([fuzz], path);
        output.WriteLine($"{fuzz}: {Case(fuzz, path, run)}");
        Assert.Equal(0, run.RowsLost);
    }

    private void Finish(FuzzRun run, Stopwatch watch, int cases)
    {
        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(cases, run.Cases);
        Assert.Equal(0, run.RowsLost);
        Assert.True(run.Tallied("values compared with the oracle") > cases, "the oracle compared values");
        Assert.True(run.Outcomes.Keys.Any(k => k.Contains("in the database", StringComparison.Ordinal)), "some record sets are aggregated in the database");
        Assert.True(run.Outcomes.Keys.Any(k => k.Contains("row by row", StringComparison.Ordinal)), "some record sets are aggregated row by row");
    }

    /// <summary>Reads a case whose database is written, leniently and strictly, and checks both against the oracle.</summary>
    private string Case(SqlFuzzCase fuzz, string path, FuzzRun run)
    {
        var recordFault = fuzz.Fault is SqlFault.MissingRecordColumn or SqlFault.MissingRecordTable;
        var expected = fuzz.Fault == SqlFault.None || (recordFault && !fuzz.ReadsRecords) ? SqlOracle.Expect(fuzz, path) : null;

        if (fuzz.Fault == SqlFault.CorruptFile)
        {
            var random = new Random(fuzz.Seed);
            File.WriteAllBytes(path, Mutations.Bytes(File.ReadAllBytes(path), random, random.Next(1, 4)));
        }

        IDataSourceFactory factory = fuzz.Engine switch
        {
            SqlEngine.Sqlite => new SqliteSourceFactory(),
            SqlEngine.DuckDb => new DuckDbSourceFactory(),
            _ => new PostgresSourceFactory(),
        };
        var source = factory.Create(Fixtures.Configuration(root, fuzz.SettingsJson()));
        var lenient = Read(source, fuzz, RejectionMode.Lenient, out var lenientError);
        var strict = Read(source, fuzz, RejectionMode.Strict, out var strictError);

        if (expected is null)
        {
            // A missing table or column, or a damaged file: the source as a whole cannot be read (or, for a damaged file, reads what it can).
            if (fuzz.Fault != SqlFault.CorruptFile)
            {
                Assert.True(lenientError is not null && strictError is not null, $"{fuzz}: a missing table or column must fail the read");
                Assert.Contains(fuzz.Fault switch
                {
                    SqlFault.MissingObservationTable => "chỉ_tiêu_2022",
                    SqlFault.MissingObservationColumn => "giá_trị_cũ",
                    SqlFault.MissingRecordTable => "ho_so_cu",
                    _ => "ma_co_quan",
                }, lenientError!.Message, StringComparison.Ordinal);
                return $"{fuzz.Fault}: DataSourceException";
            }

            if (lenient is not null)
            {
                run.Account(lenient.Account);
                Assert.True(lenient.Account.Balances, $"{fuzz}: the account of a damaged file does not balance");
                Assert.All(lenient.Account.Rejected, r => Assert.StartsWith(fuzz.Label + " ", r.Location, StringComparison.Ordinal));
            }

            return lenient is null ? "damaged file: DataSourceException" : "damaged file: read";
        }

        Assert.True(lenientError is null, $"{fuzz}: the lenient read failed: {lenientError?.Message}");
        run.Account(lenient!.Account);
        Compare(fuzz, expected, lenient, run);

        if (expected.HasErrors)
        {
            Assert.True(strictError is not null, $"{fuzz}: strict mode read past a bad row ({expected.Rejected.First(r => r.Error)})");
            var named = expected.Rejected.Where(r => r.Error).Any(r => strictError!.Message.Contains(r.Location, StringComparison.Ordinal))
                || ((expected.ObservationsNumbered || expected.RecordsNumbered) && strictError!.Message.Contains(" query row ", StringComparison.Ordinal));
            Assert.True(named, $"{fuzz}: the strict error names no bad row: {strictError!.Message}");
        }
        else
        {
            Assert.True(strictError is null, $"{fuzz}: strict mode stopped though no row is wrong: {strictError?.Message}");
            Assert.Equal((lenient.Account.RowsRead, lenient.Account.RowsAccepted, lenient.Account.Rejected.Count), (strict!.Account.RowsRead, strict.Account.RowsAccepted, strict.Account.Rejected.Count));
            Assert.Equal(lenient.Observations.Count, strict.Observations.Count);
        }

        var records = !fuzz.ReadsRecords ? "records not read"
            : lenient.Observations.Any(o => o.Provenance.Location.Contains("aggregated in the database", StringComparison.Ordinal)) ? "records aggregated in the database"
            : "records aggregated row by row";
        return $"{(lenient.Account.Rejected.Count > 0 ? "read with rejections" : "read clean")}, {records}, strict {(strictError is null ? "read" : "stopped at a bad row")}";
    }

    private static SourceReadResult? Read(IDataSource source, SqlFuzzCase fuzz, RejectionMode mode, out DataSourceException? error)
    {
        error = null;
        try
        {
            return source.ReadAsync(new SourceReadRequest(fuzz.Measures, SqlFuzzCase.Period, SqlFuzzCase.Units, mode)).AsTask().GetAwaiter().GetResult();
        }
        catch (DataSourceException exception)
        {
            Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            error = exception;
            return null;
        }
    }

    private static void Compare(SqlFuzzCase fuzz, SqlExpectation expected, SourceReadResult result, FuzzRun run)
    {
        var account = result.Account;
        Assert.True(account.Balances, $"{fuzz}: {account.RowsRead} read != {account.RowsAccepted} accepted + {account.Rejected.Count} rejected");
        Assert.True((expected.Read, expected.Accepted, expected.Rejected.Count) == (account.RowsRead, account.RowsAccepted, account.Rejected.Count),
            $"{fuzz}: read/accepted/rejected {account.RowsRead}/{account.RowsAccepted}/{account.Rejected.Count}, the oracle expects {expected.Read}/{expected.Accepted}/{expected.Rejected.Count}. " +
            $"Rejected: {string.Join(" | ", account.Rejected.Select(r => r.Location + ": " + r.Reason).Take(20))}. Expected: {string.Join(" | ", expected.Rejected.Select(r => r.Location + ": " + r.Phrases[0]).Take(20))}");

        // Every rejection names the table and the row: its identifier, its key, or its number in query order.
        foreach (var rejection in account.Rejected)
        {
            Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
            var located = new[] { fuzz.ObservationSource, fuzz.ObservationView, fuzz.RecordSource }.Any(table =>
                rejection.Location.StartsWith($"{fuzz.Label} {table}:{fuzz.RowIdentifier}=", StringComparison.Ordinal)
                || rejection.Location.StartsWith($"{fuzz.Label} {table}:{SqlFuzzCase.Key}=", StringComparison.Ordinal)
                || rejection.Location.StartsWith($"{fuzz.Label} {table}:{SqlFuzzCase.RecordKey}=", StringComparison.Ordinal)
                || rejection.Location.StartsWith($"{fuzz.Label} {table} query row ", StringComparison.Ordinal));
            Assert.True(located, $"{fuzz}: the rejection is not located at a table's row: {rejection.Location}");
        }

        // Each expected rejection is there, for its reason: at its exact location where rows have identifiers.
        var unmatched = account.Rejected.ToList();
        foreach (var want in expected.Rejected.OrderByDescending(r => r.Phrases[0].Length))
        {
            var numbered = want.Location.Contains(" query row ", StringComparison.Ordinal);
            var source = want.Location[..(numbered ? want.Location.IndexOf(" query row ", StringComparison.Ordinal) : want.Location.LastIndexOf(':'))];
            var match = unmatched.FindIndex(r =>
                (numbered ? r.Location.StartsWith(source + " query row ", StringComparison.Ordinal) : r.Location == want.Location)
                && want.Phrases.All(p => r.Reason.Contains(p, StringComparison.Ordinal)));
            Assert.True(match >= 0, $"{fuzz}: expected a rejection at {want.Location} for '{string.Join("' and '", want.Phrases)}'; rejected: {string.Join(" | ", unmatched.Where(r => r.Location.StartsWith(source, StringComparison.Ordinal)).Select(r => r.Location + ": " + r.Reason).Take(10))}");
            unmatched.RemoveAt(match);
        }

        run.Tally("rejections compared with the oracle", expected.Rejected.Count);

        // The observations: the oracle's, value for value.
        var observations = result.Observations.ToDictionary(o => (o.UnitId, o.MeasureId));
        Assert.Equal(expected.Observations.Count, result.Observations.Count);
        foreach (var ((unit, measure), want) in expected.Observations)
        {
            Assert.True(observations.TryGetValue((unit, measure), out var got), $"{fuzz}: no observation of unit '{unit}', measure '{measure}'");
            Assert.Equal(SqlFuzzCase.Period, got!.Period);
            Assert.True(Same(want, got.Value), $"{fuzz}: unit '{unit}', measure '{measure}' ({want.Function}) is {got.Value:R}, the oracle computes {want.Value:R} ({got.Provenance.Location})");
            if (want.Function == "value")
            {
                Assert.Equal(want.Stage, got.Provenance.Stage);
                if (want.Location.Contains(" query row ", StringComparison.Ordinal))
                {
                    Assert.StartsWith(want.Location[..want.Location.IndexOf(" query row ", StringComparison.Ordinal)], got.Provenance.Location, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(want.Location, got.Provenance.Location);
                }
            }
            else
            {
                Assert.True(got.Provenance.Location.StartsWith(want.Location, StringComparison.Ordinal), $"{fuzz}: the observation of unit '{unit}', measure '{measure}' cites '{got.Provenance.Location}', the oracle expects '{want.Location}…'");
            }
        }

        run.Tally("values compared with the oracle", expected.Observations.Values.Count(w => !Unchecked(w)));
        run.Tally("sums beyond the range of doubles, not compared", expected.Observations.Values.Count(Unchecked));
    }

    /// <summary>
    /// Counts, ratios and extremes exactly; sums and means within the rounding of the magnitudes added (the engines add
    /// in another order). A sum whose magnitudes add up beyond the range of doubles depends on the order entirely (a
    /// partial sum overflows one way and not the other), so it is not compared (<see cref="Unchecked"/>).
    /// </summary>
    private static bool Same(ExpectedObservation want, double got)
    {
        if (Unchecked(want))
        {
            return true;
        }

        if (double.IsNaN(want.Value) || double.IsNaN(got))
        {
            return double.IsNaN(want.Value) && double.IsNaN(got);
        }

        if (want.Function is not ("sum" or "mean"))
        {
            return want.Value.Equals(got);
        }

        return Math.Abs(want.Value - got) <= 1e-9 * want.Scale;
    }

    private static bool Unchecked(ExpectedObservation want) => want.Function is "sum" or "mean" && !double.IsFinite(want.Scale);
}
