using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>The checks every engine must pass on <see cref="DossierScenario"/>; the engine's test classes call them.</summary>
internal static class ScenarioChecks
{
    /// <summary>Reads the scenario: every observation, every rejection with its location and reason, an account that balances.</summary>
    public static async Task<SourceReadResult> ReadsEverythingAccountedFor(TestDatabase database, bool pushdown = true)
    {
        DossierScenario.Create(database);
        var source = database.CreateSource(DossierScenario.SourceMembers(pushdown));
        var result = await Requests.ReadAsync(source, DossierScenario.Request());

        var observed = result.Observations.Where(o => o.MeasureId is "portal" or "staff").ToList();
        Assert.Equal(
            [
                "so-tc|portal|2023|0|self-assessed", "so-tc|staff|2023|0.5|",
                "so-tttt|portal|2023|1|verified", "so-tttt|staff|2023|0.75|",
                "ubnd-ba-ria|portal|2023|NaN|self-assessed", "ubnd-ba-ria|staff|2023|1|",
                $"{DossierScenario.InjectionUnit}|portal|2023|1|", $"{DossierScenario.InjectionUnit}|staff|2023|0.25|",
            ],
            Requests.Show(observed));
        Assert.All(observed, o => Assert.Matches(@"chi_tieu:id=\d+$", o.Provenance.Location));

        var derived = result.Observations.Where(o => o.MeasureId is not ("portal" or "staff")).ToList();
        Assert.Equal(DossierScenario.ExpectedDerived(), Requests.Show(derived));
        Assert.Contains(derived, o => o is { UnitId: "so-tttt", MeasureId: "dossiers", Value: 12 });
        Assert.Contains(derived, o => o is { UnitId: "so-tc", MeasureId: "dossiers", Value: 10 });
        Assert.Contains(derived, o => o is { UnitId: "so-moi", MeasureId: "dossiers", Value: 0 });
        Assert.Contains(derived, o => o.UnitId == "so-moi" && o.MeasureId == "mean_days" && double.IsNaN(o.Value));
        Assert.Contains(derived, o => o is { UnitId: "so-tc", MeasureId: "online_ratio", Value: 0.6 });

        var dossiers2023 = DossierScenario.Dossiers.Count(r => (int)r[2]! == 2023);
        var account = result.Account;
        Assert.Equal(DossierScenario.Observations.Count + dossiers2023, account.RowsRead);
        Assert.Equal(DossierScenario.ObservationOutcomes.Count + DossierScenario.RejectedDossiers.Count, account.Rejected.Count);
        foreach (var (id, reason) in DossierScenario.ObservationOutcomes)
        {
            var rejection = Assert.Single(account.Rejected, r => r.Location.EndsWith($" chi_tieu:id={id}", StringComparison.Ordinal));
            Assert.StartsWith(reason!, rejection.Reason, StringComparison.Ordinal);
        }

        foreach (var (id, reason) in DossierScenario.RejectedDossiers)
        {
            var rejection = Assert.Single(account.Rejected, r => r.Location.EndsWith($" ho_so:id={id}", StringComparison.Ordinal));
            Assert.StartsWith(reason, rejection.Reason, StringComparison.Ordinal);
        }

        return result;
    }

    /// <summary>Strict mode stops at the first bad row (not at a row of another period) and names it.</summary>
    public static async Task StrictModeNamesTheFirstBadRow(TestDatabase database)
    {
        DossierScenario.Create(database);
        var source = database.CreateSource(DossierScenario.SourceMembers());
        var exception = await Assert.ThrowsAsync<DataSourceException>(() => source.ReadAsync(DossierScenario.Request(RejectionMode.Strict)).AsTask());
        Assert.Contains("chi_tieu:id=10:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("a second value for unit 'so-tc'", exception.Message, StringComparison.Ordinal);
        Assert.Equal("db", exception.Source);
    }

    /// <summary>Aggregating in the database and row by row give the same observations and the same account.</summary>
    public static async Task PushdownEqualsStreaming(TestDatabase database)
    {
        DossierScenario.Create(database);
        var log = new LogCapture();
        var pushed = await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(pushdown: true), log: log), DossierScenario.Request());
        var streamed = await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(pushdown: false), log: log), DossierScenario.Request());
        Assert.Single(log.Messages(1));
        Assert.Single(log.Messages(4));
        Assert.Empty(log.Messages(3));
        Assert.Equal(Requests.Show(pushed.Observations), Requests.Show(streamed.Observations));
        AssertSameAccount(pushed.Account, streamed.Account);
        Assert.Contains(pushed.Observations, o => o.Provenance.Location.Contains("aggregated in the database, query ", StringComparison.Ordinal));
        Assert.Contains(streamed.Observations, o => o.Provenance.Location.Contains("aggregated row by row", StringComparison.Ordinal));
    }

    /// <summary>Two accounts are the same: counts, and the rejections as a set of (location, reason).</summary>
    public static void AssertSameAccount(SourceAccount expected, SourceAccount actual, Func<string, string>? text = null)
    {
        text ??= l => l;
        Assert.Equal(expected.RowsRead, actual.RowsRead);
        Assert.Equal(expected.RowsAccepted, actual.RowsAccepted);
        Assert.Equal(
            expected.Rejected.Select(r => text($"{r.Location} | {r.Reason}")).Order(StringComparer.Ordinal),
            actual.Rejected.Select(r => text($"{r.Location} | {r.Reason}")).Order(StringComparer.Ordinal));
    }

    /// <summary>A location or message without the database's label (which names the engine and the file or server).</summary>
    public static string WithoutDatabase(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\b(sqlite|duckdb|postgres):\S+ ", string.Empty);

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
