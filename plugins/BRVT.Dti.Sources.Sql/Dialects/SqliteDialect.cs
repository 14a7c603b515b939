using System.Data;
using System.Globalization;

namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>
/// SQLite: comparisons are already 1/0/NULL, the scalar <c>min</c>/<c>max</c> give NULL when an argument is NULL, a
/// column may hold values of any type (so every value read is checked with <c>typeof</c>), rows have a <c>rowid</c>.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override bool HasStaticTypes => false;

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => true;

    /// <inheritdoc />
    public override string RowIdentifierName => "rowid";

    /// <inheritdoc />
    public override string RowIdentifierSql => "rowid";

    /// <inheritdoc />
    protected override string DoubleType => "REAL";

    /// <inheritdoc />
    protected override string TextType => "TEXT";

    /// <inheritdoc />
    public override string PredicateToInteger(string predicate) => $"({predicate})";

    /// <inheritdoc />
    public override string Extreme(bool maximum) => maximum ? "max" : "min";

    /// <inheritdoc />
    public override bool OverflowsToInfinity => true;

    /// <inheritdoc />
    /// <remarks>SQLite's arithmetic overflows to ±Inf silently (the literal <c>9e999</c> is +Inf); its NaN results are already NULL.</remarks>
    public override string FiniteOrNull(string sql) => $"NULLIF(NULLIF({sql}, 9e999), -9e999)";

    /// <inheritdoc />
    /// <remarks>Text (even text that looks like a number), blobs and the infinities SQLite can store; SQLite stores NaN as NULL.</remarks>
    public override string? NotFiniteNumber(string column, Type? type) =>
        $"NOT (typeof({column}) IN ('integer', 'null') OR (typeof({column}) = 'real' AND abs({column}) <= 1.7976931348623157e308))";

    /// <inheritdoc />
    /// <remarks>
    /// SQLite's columns hold any type, so a whole-number period is compared both as text and as a number: a period
    /// stored as 2023, 2023.0 or '2023' is selected (an index on the column still serves).
    /// </remarks>
    public override string PeriodPredicate(string column, Type? type, string period, Func<object, DbType, string> addParameter) =>
        long.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
            ? $"({column} = {addParameter(period, DbType.String)} OR {column} = {addParameter(whole, DbType.Int64)})"
            : $"{column} = {addParameter(period, DbType.String)}";
}
