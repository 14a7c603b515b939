using System.Data;
using System.Data.Common;
using System.Globalization;
using BRVT.Dti.Sources.Sql.Dialects;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>The parameters of one query: every value from a configuration or a formula travels as a parameter, never as SQL text.</summary>
internal sealed class SqlParameters(SqlDialect dialect)
{
    private readonly List<(string Name, object Value, DbType Type)> parameters = [];

    /// <summary>The parameters added, in order.</summary>
    public IReadOnlyList<(string Name, object Value, DbType Type)> All => parameters;

    /// <summary>Adds a parameter and returns its marker.</summary>
    /// <param name="value">The value.</param>
    /// <param name="type">Its database type.</param>
    /// <returns>The marker to write in the SQL.</returns>
    public string Add(object value, DbType type)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add((name, value, type));
        return dialect.Parameter(name);
    }

    /// <summary>Adds the parameters to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(DbCommand command)
    {
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(dialect.CreateParameter(command, name, value, type));
        }
    }
}
