using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Sql.Tests.Configuration;

/// <summary>
/// Any string as a column name is either refused with the JSON pointer of the setting, or accepted, and then a real
/// column of exactly that name is read (the quoting round-trips); nothing else can happen.
/// </summary>
public sealed class IdentifierPropertyTests
{

    private static readonly string[] Pieces = ["a", "đơn_vị", "_", "7", "\"", "'", "`", ";", "--", " ", ".", "\u200B", "\u0301", "Ư", "DROP TABLE r", "/*", "\\", "\u0000", "\uFF02", "ß"];

    private static readonly string[] NamePieces = ["a", "đơn_vị", "_", "7", "Ư", "ß", "Năm", "x"];

    public static Arbitrary<string> Names() =>
        Gen.Frequency(
                (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
                (2, Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts))),
                (2, Gen.NonEmptyListOf(Gen.Elements(NamePieces)).Select(parts => string.Concat(parts))))
            .ToArbitrary();

    [Property(Arbitrary = [typeof(IdentifierPropertyTests)], MaxTest = 150)]
    public void Create_AnyColumnName_RefusedAtItsPointerOrReadExactly(string name)
    {
        using var database = TestDatabase.Sqlite();
        var members = $$"""
            "records": { "r": { "table": "r", "columns": { "unit": "unit_col_0", "period": "year_col_0" }, "fields": { "f": {{JsonSerializer.Serialize(name)}} } } }
            """;
        IDataSource source;
        try
        {
            source = database.CreateSource(members);
        }
        catch (DataSourceConfigurationException exception)
        {
            Assert.Equal("/sources/0/records/r/fields/f", exception.Pointer);
            Assert.False(SqlIdentifier.TryParse(name, allowSchema: false, out _, out _));
            return;
        }

        Assert.True(SqlIdentifier.TryParse(name, allowSchema: false, out var identifier, out _));
        var column = SqliteDialect.Instance.Quote(identifier!);
        database.Execute($"CREATE TABLE r (unit_col_0 TEXT, year_col_0 INTEGER, {column} REAL)");
        database.Execute($"INSERT INTO r VALUES ('a', 2023, 2.5), ('a', 2023, 4)");
        var result = Requests.ReadAsync(source, Requests.Request([Requests.Derived("s", "sum", field: "f", records: "r")], ["a"])).GetAwaiter().GetResult();
        Assert.Equal(["a|s|2023|6.5|"], Requests.Show(result.Observations));
    }
}
