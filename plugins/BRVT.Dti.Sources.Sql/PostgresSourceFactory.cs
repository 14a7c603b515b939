using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Configuration;
using BRVT.Dti.Sources.Sql.Dialects;
using BRVT.Dti.Sources.Sql.Reading;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BRVT.Dti.Sources.Sql;

/// <summary>
/// Creates <c>postgres</c> sources: a PostgreSQL database named by <c>"connectionString"</c> (without a password) and,
/// when the server asks for one, <c>"passwordEnv"</c>, the name of an environment variable holding the password; or by
/// <c>"connectionStringEnv"</c>, the name of an environment variable holding the whole connection string. Variables
/// are read when the source is created. See <see cref="SqlSourcesBuilderExtensions.AddSqlSources"/> for the settings.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. A password written in <c>"connectionString"</c> is refused: passwords never live in
/// configuration files. Provenance and messages name the database as <c>postgres:host:port/database</c>, never with the
/// connection string. The connection should use a role that may only read.
/// </remarks>
public sealed class PostgresSourceFactory : IDataSourceFactory
{
    private readonly ILoggerFactory? loggerFactory;

    /// <summary>Creates the factory without logging.</summary>
    public PostgresSourceFactory()
    {
    }

    /// <summary>Creates the factory; sources log which of their measures they compute in the database and which row by row.</summary>
    /// <param name="loggerFactory">Creates the sources' loggers.</param>
    public PostgresSourceFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public string Type => "postgres";

    /// <inheritdoc />
    /// <exception cref="DataSourceConfigurationException">A setting is wrong or an environment variable it names is not set; the message lists every problem with its JSON pointer.</exception>
    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (settings, builder) = SqlSettingsReader.Read(configuration, ["connectionString", "connectionStringEnv", "passwordEnv"], ReadConnection);
        var connectionString = builder.ConnectionString;
        var label = $"postgres:{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var database = new SqlDatabase(PostgresDialect.Instance, label, null, null, () => new NpgsqlConnection(connectionString));
        return new SqlDataSource(settings, database, loggerFactory);
    }

    private static NpgsqlConnectionStringBuilder ReadConnection(System.Text.Json.JsonElement root, Action<string, string> problem)
    {
        var text = SqlSettingsReader.OptionalString(root, "connectionString", problem);
        var variable = SqlSettingsReader.OptionalString(root, "connectionStringEnv", problem);
        var passwordVariable = SqlSettingsReader.OptionalString(root, "passwordEnv", problem);
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
                problem(setting, "a postgres source needs \"connectionString\" (e.g. \"Host=db.example;Database=dti;Username=reader\", with \"passwordEnv\" naming the environment variable that holds the password) or \"connectionStringEnv\" (an environment variable holding the whole connection string).");
            }

            return new NpgsqlConnectionStringBuilder();
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // The provider's message names the keyword, never the value, so it cannot leak a password.
            problem(setting, $"the connection string is not valid: {exception.Message}");
            return new NpgsqlConnectionStringBuilder();
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            problem(setting, "the connection string names no Host; add Host=… (and Database=…).");
        }

        if (setting == "connectionString" && !string.IsNullOrEmpty(builder.Password))
        {
            problem(setting, "the connection string holds a password, and passwords must not be written in configuration files. Remove Password=… and name the environment variable that holds it in \"passwordEnv\".");
            return new NpgsqlConnectionStringBuilder();
        }

        if (passwordVariable is not null)
        {
            var password = Environment.GetEnvironmentVariable(passwordVariable);
            if (string.IsNullOrEmpty(password))
            {
                problem("passwordEnv", $"the environment variable {passwordVariable} is not set (or empty); set it to the password of the database user.");
                return new NpgsqlConnectionStringBuilder();
            }

            if (!string.IsNullOrEmpty(builder.Password))
            {
                problem("passwordEnv", "the connection string from \"connectionStringEnv\" already holds a password; remove \"passwordEnv\" or the password.");
                return new NpgsqlConnectionStringBuilder();
            }

            builder.Password = password;
        }

        return builder;
    }
}
