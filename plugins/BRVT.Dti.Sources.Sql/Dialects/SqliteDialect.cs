namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>SQLite: comparisons are already 1/0/NULL, the scalar <c>min</c>/<c>max</c> give NULL when an argument is NULL, and a column may hold values of any type.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static SqliteDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    protected override string DoubleType => "REAL";

    /// <inheritdoc />
    protected override string TextType => "TEXT";

    /// <inheritdoc />
    public override bool HasStaticTypes => false;

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => true;

    /// <inheritdoc />
    public override string PredicateToInteger(string predicate) => $"({predicate})";

    /// <inheritdoc />
    public override string Extreme(bool maximum) => maximum ? "max" : "min";

    /// <inheritdoc />
    public override string? NumericCheck(string column) => $"typeof({column}) IN ('integer', 'real', 'null')";
}
