namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>
/// A fact that runs against a throwaway PostgreSQL cluster, and is skipped, saying why and how to fix it, when the
/// PostgreSQL server binaries (initdb, pg_ctl) are not installed. Never passes silently without PostgreSQL.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresBinaries.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory with the same skipping rule as <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresBinaries.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
