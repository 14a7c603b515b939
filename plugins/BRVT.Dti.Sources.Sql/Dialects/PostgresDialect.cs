namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>PostgreSQL: typed columns; <c>LEAST</c>/<c>GREATEST</c> ignore NULL, so the translator guards them; rows have a <c>ctid</c>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => false;

    /// <inheritdoc />
    public override string RowIdentifierName => "ctid";

    /// <inheritdoc />
    /// <remarks>Aliased: a column named <c>ctid</c> in the output would be what <c>ORDER BY ctid</c> sorts, as text ("(0,10)" before "(0,2)").</remarks>
    public override string RowIdentifierSql => "CAST(ctid AS text) AS ctid_text";

    /// <inheritdoc />
    /// <remarks>The tuple identifier itself: block, then line, numerically.</remarks>
    public override string RowOrderSql => "ctid";

    /// <inheritdoc />
    protected override string DoubleType => "double precision";

    /// <inheritdoc />
    protected override string TextType => "text";

    /// <inheritdoc />
    /// <remarks><c>real</c>, <c>double precision</c> and <c>numeric</c> can hold NaN and the infinities; integers and booleans cannot.</remarks>
    public override string? NotFiniteNumber(string column, Type? type) =>
        type is not null && (IsInteger(type) || type == typeof(bool))
            ? null
            : $"{CastToDouble(column)} IN ({CastToDouble("'NaN'")}, {CastToDouble("'Infinity'")}, {CastToDouble("'-Infinity'")})";
}
