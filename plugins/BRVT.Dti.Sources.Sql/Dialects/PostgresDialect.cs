namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>PostgreSQL: typed columns; <c>LEAST</c>/<c>GREATEST</c> ignore NULL, so the translator guards them.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    protected override string DoubleType => "double precision";

    /// <inheritdoc />
    protected override string TextType => "text";

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => false;
}
