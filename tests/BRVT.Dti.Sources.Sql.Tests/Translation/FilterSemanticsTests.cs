using System.Data.Common;
using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Tests.Translation;

/// <summary>
/// The SQL a formula becomes means what the formula means: for 200 random formulas and every combination of field
/// values (NULL included), the database computes the same value (NULL where the formula gives NaN) and the same
/// filter outcome as <see cref="Formula.Evaluate(ReadOnlySpan{double})"/>, on each engine.
/// </summary>
public sealed class FilterSemanticsTests
{
    private const int Formulas = 200;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("duckdb")]
    public void Translate_RandomFormulas_DatabaseAgreesWithTheFormulaLanguage(string engine)
    {
        using var database = TestDatabase.Create(engine, null);
        AssertAgreement(database, Dialect(engine));
    }

    internal static SqlDialect Dialect(string engine) => engine switch
    {
        "sqlite" => SqliteDialect.Instance,
        "duckdb" => DuckDbDialect.Instance,
        _ => PostgresDialect.Instance,
    };

    internal static void AssertAgreement(TestDatabase database, SqlDialect dialect)
    {
        database.Execute($"CREATE TABLE t (id INTEGER, x {database.Double}, y {database.Double}, z {database.Double})");
        var values = FormulaTextGenerator.FieldValues;
        var rows = (from x in values from y in values from z in values select new[] { x, y, z }).ToArray();
        database.Insert("t", rows.Select((row, id) => new object?[] { id, row[0], row[1], row[2] }));

        var fields = new[] { "x", "y", "z" }.ToDictionary(
            name => name,
            name => dialect.CastToDouble(dialect.Quote(Identifier(name))),
            StringComparer.Ordinal);
        var generator = new FormulaTextGenerator(seed: 20240601);
        using var connection = database.Open();
        for (var f = 0; f < Formulas; f++)
        {
            var text = generator.Next();
            var formula = Formula.Parse(text).Formula ?? throw new InvalidOperationException($"The generator wrote '{text}', which does not parse.");
            var parameters = new SqlParameters(dialect);
            var translator = new SqlFilterTranslator(dialect, fields, parameters, construct => new InvalidOperationException($"'{text}' was refused: {construct}"));
            var value = translator.Value(formula);
            var predicate = translator.Predicate(formula);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT id, {value}, CASE WHEN {predicate} THEN 1 ELSE 0 END FROM t ORDER BY id";
            parameters.AddTo(command);
            using var reader = command.ExecuteReader();
            var inputs = new double[formula.Variables.Count];
            while (reader.Read())
            {
                var row = rows[reader.GetInt32(0)];
                for (var v = 0; v < inputs.Length; v++)
                {
                    inputs[v] = row["xyz".IndexOf(formula.Variables[v][0], StringComparison.Ordinal)] ?? double.NaN;
                }

                var expected = formula.Evaluate(inputs);
                var actual = reader.IsDBNull(1) ? double.NaN : Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                var passes = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture) == 1;
                var where = $"formula {f} '{text}' with x={FormulaTextGenerator.Show(row[0])}, y={FormulaTextGenerator.Show(row[1])}, z={FormulaTextGenerator.Show(row[2])} on {database.Engine}: SQL {command.CommandText}";
                Assert.True(expected.Equals(actual) || expected == actual, $"Value: the formula gives {expected:R}, the database {actual:R}; {where}");
                Assert.True(passes == (expected != 0 && !double.IsNaN(expected)), $"Filter: the formula gives {expected:R}, the database says {(passes ? "passes" : "fails")}; {where}");
            }
        }
    }

    private static SqlIdentifier Identifier(string name) =>
        SqlIdentifier.TryParse(name, allowSchema: false, out var identifier, out var problem) ? identifier! : throw new InvalidOperationException(problem);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresFilterSemanticsTests(PostgresCluster cluster)
{
    [Fact]
    public void Translate_RandomFormulas_PostgresAgreesWithTheFormulaLanguage()
    {
        using var database = TestDatabase.Postgres(cluster);
        FilterSemanticsTests.AssertAgreement(database, PostgresDialect.Instance);
    }
}
