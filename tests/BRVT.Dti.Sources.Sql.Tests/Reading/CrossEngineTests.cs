using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;

namespace BRVT.Dti.Sources.Sql.Tests.Reading;

/// <summary>
/// One definition, the same rows in SQLite, PostgreSQL and DuckDB: identical observations, identical accounts (up to
/// the database's name in locations) and identical scores through the engine, point for point.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrossEngineTests(PostgresCluster cluster)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_SameRowsInEveryEngine_IdenticalObservationsAccountsAndScores(bool pushdown)
    {
        var results = new Dictionary<string, SourceReadResult>();
        foreach (var engine in new[] { "sqlite", "postgres", "duckdb" })
        {
            using var database = TestDatabase.Create(engine, cluster);
            DossierScenario.Create(database);
            results[engine] = await Requests.ReadAsync(database.CreateSource(DossierScenario.SourceMembers(pushdown)), DossierScenario.Request());
        }

        var sqlite = results["sqlite"];
        var units = DossierScenario.Units.Select(Requests.Unit).ToList();
        var expected = DossierScenario.Plan.Assess(units, sqlite.Observations, DossierScenario.Period);
        Assert.Empty(expected.Issues);
        Assert.Contains(expected.Units, u => u.Total.Points > 0);
        foreach (var engine in new[] { "postgres", "duckdb" })
        {
            var other = results[engine];
            Assert.Equal(Requests.Show(sqlite.Observations), Requests.Show(other.Observations));
            ScenarioChecks.AssertSameAccount(sqlite.Account, other.Account, ScenarioChecks.WithoutDatabase);

            var scores = DossierScenario.Plan.Assess(units, other.Observations, DossierScenario.Period);
            foreach (var (left, right) in expected.Units.Zip(scores.Units))
            {
                Assert.Equal(left.Unit.Id, right.Unit.Id);
                Assert.Equal(left.Rank, right.Rank);
                Assert.Equal(left.Nodes.Select(n => n.Points), right.Nodes.Select(n => n.Points));
            }
        }
    }
}
