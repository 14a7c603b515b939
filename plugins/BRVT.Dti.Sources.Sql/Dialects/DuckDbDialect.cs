using System.Data;
using System.Data.Common;

namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>DuckDB: typed columns, <c>$name</c> parameters; <c>LEAST</c>/<c>GREATEST</c> ignore NULL, so the translator guards them; tables have a <c>rowid</c>.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static DuckDbDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "duckdb";

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => false;

    /// <inheritdoc />
    public override string RowIdentifierName => "rowid";

    /// <inheritdoc />
    public override string RowIdentifierSql => "rowid";

    /// <inheritdoc />
    protected override string DoubleType => "DOUBLE";

    /// <inheritdoc />
    protected override string TextType => "VARCHAR";

    /// <inheritdoc />
    public override string Parameter(string name) => "$" + name;

    /// <inheritdoc />
    public override bool OverflowsToInfinity => true;

    /// <inheritdoc />
    /// <remarks>DuckDB's floating-point arithmetic overflows to ±inf silently.</remarks>
    public override string FiniteOrNull(string sql) => $"NULLIF(NULLIF({sql}, CAST('inf' AS DOUBLE)), CAST('-inf' AS DOUBLE))";

    /// <inheritdoc />
    /// <remarks>DuckDB infers a parameter's type from the expression around it (<c>$p &lt;&gt; 0</c> would make 0.5 an integer), so it is cast.</remarks>
    public override string DoubleParameter(string marker) => CastToDouble(marker);

    /// <inheritdoc />
    public override DbParameter CreateParameter(DbCommand command, string name, object value, DbType type)
    {
        // DuckDB infers parameter types from the statement; an explicit DbType is not needed and not always honoured.
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        return parameter;
    }

    /// <inheritdoc />
    /// <remarks><c>FLOAT</c> and <c>DOUBLE</c> can hold NaN and the infinities; integers, decimals and booleans cannot.</remarks>
    public override string? NotFiniteNumber(string column, Type? type) =>
        type is not null && (IsInteger(type) || type == typeof(bool) || type == typeof(decimal))
            ? null
            : $"NOT isfinite({CastToDouble(column)})";
}
