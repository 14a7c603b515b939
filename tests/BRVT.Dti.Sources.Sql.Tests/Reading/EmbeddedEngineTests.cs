using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>The scenario checks on the embedded engines, SQLite and DuckDB.</summary>
public sealed class EmbeddedEngineTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_Scenario_EveryRowAcceptedOrRejectedWithLocation(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        await ScenarioChecks.ReadsEverythingAccountedFor(database);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_PushdownOff_SameObservationsAndAccount(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        await ScenarioChecks.PushdownEqualsStreaming(database);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public async Task ReadAsync_StrictMode_ThrowsNamingFirstBadRow(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        await ScenarioChecks.StrictModeNamesTheFirstBadRow(database);
    }
}
