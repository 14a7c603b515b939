using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using Npgsql;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>postgres</c> sources: a PostgreSQL database named by <c>"connectionString"</c> or, to keep passwords
/// out of files, by <c>"connectionStringEnv"</c> (the name of an environment variable holding the connection string,
/// read when the source is created). See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. Provenance names the database as <c>postgres:host:port/database</c>, never with the
/// connection string (which may hold a password). The connection should use a role that may only read.
/// </remarks>
public sealed class PostgresSourceFactory : IDataSourceFactory
{
    /// <inheritdoc />
    public string Type => "postgres";

    /// <inheritdoc />
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (settings, builder) = SqlSettingsReader.Read(configuration, ["connectionString", "connectionStringEnv"], (root, problem) => ReadConnection(root, problem));
        var connectionString = builder.ConnectionString;
        var label = $"postgres:{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var database = new SqlDatabase(PostgresDialect.Instance, label, null, null, () => new NpgsqlConnection(connectionString));
        return new SqlDataSource(settings, database);
    }

    private static NpgsqlConnectionStringBuilder ReadConnection(System.Text.Json.JsonElement root, Action<string, string> problem)
    {
        var text = SqlSettingsReader.OptionalString(root, "connectionString", problem);
        var variable = SqlSettingsReader.OptionalString(root, "connectionStringEnv", problem);
        var setting = "connectionString";
        if (text is not null && variable is not null)
        {
            problem("connectionStringEnv", "give either \"connectionString\" or \"connectionStringEnv\", not both.");
            return new NpgsqlConnectionStringBuilder();
        }

        if (variable is not null)
        {
            setting = "connectionStringEnv";
            text = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(text))
            {
                problem(setting, $"the environment variable {variable} is not set (or empty); set it to the PostgreSQL connection string, e.g. Host=db.example;Database=dti;Username=reader;Password=….");
                return new NpgsqlConnectionStringBuilder();
            }
        }
        else if (text is null)
        {
            if (!root.TryGetProperty("connectionString", out _) && !root.TryGetProperty("connectionStringEnv", out _))
            {
                problem(setting, "a postgres source needs \"connectionStringEnv\" (the name of an environment variable holding the connection string; keeps the password out of files) or \"connectionString\".");
            }

            return new NpgsqlConnectionStringBuilder();
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                problem(setting, "the connection string names no Host; add Host=… (and Database=…).");
            }

            return builder;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            // The provider's message names the keyword, never the value, so it cannot leak a password.
            problem(setting, $"the connection string is not valid: {exception.Message}");
            return new NpgsqlConnectionStringBuilder();
        }
    }
}
