using System.Data;
using System.Data.Common;

namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>DuckDB: typed columns, <c>$name</c> parameters; <c>LEAST</c>/<c>GREATEST</c> ignore NULL, so the translator guards them.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    /// <summary>The one instance.</summary>
    public static DuckDbDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "duckdb";

    /// <inheritdoc />
    protected override string DoubleType => "DOUBLE";

    /// <inheritdoc />
    protected override string TextType => "VARCHAR";

    /// <inheritdoc />
    public override bool ExtremesPropagateNull => false;

    /// <inheritdoc />
    public override string Parameter(string name) => "$" + name;

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
}
