using System.Globalization;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// How a row of a table is named in locations: by the column the settings give as <c>"key"</c>
/// (<c>ho_so:ma_ho_so=HS-001</c>), else by the engine's row identifier (<c>ho_so:rowid=17</c>, <c>ho_so:ctid=(0,17)</c>),
/// else, for a view, by its number in the query's order (<c>ho_so query row 17</c>).
/// </summary>
/// <param name="Sql">The SQL that selects the identifier, or <see langword="null"/> when rows are numbered.</param>
/// <param name="Name">The identifier's name in locations (<c>rowid</c>, <c>ctid</c>, the key column).</param>
/// <param name="Order">The SQL that orders rows by the identifier, when it is not <paramref name="Sql"/> itself (PostgreSQL's <c>ctid</c>, selected as text but ordered as a tuple id).</param>
internal sealed record RowIdentity(string? Sql, string Name, string? Order = null)
{
    /// <summary>The SQL of the ORDER BY that reads rows in the identifier's order, or <see langword="null"/> when rows are numbered.</summary>
    public string? OrderSql => Order ?? Sql;

    /// <summary>Rows numbered in the query's order.</summary>
    public static RowIdentity Numbered { get; } = new(null, "query row");

    /// <summary>The location of a row.</summary>
    /// <param name="prefix">The database and table, e.g. <c>sqlite:data/x.db ho_so</c>.</param>
    /// <param name="identifier">The row's identifier value (when <see cref="Sql"/> is set).</param>
    /// <param name="number">The row's 1-based number in the query's order (otherwise).</param>
    /// <returns>The location.</returns>
    public string Locate(string prefix, object? identifier, long number) => Sql is null
        ? string.Create(CultureInfo.InvariantCulture, $"{prefix} query row {number}")
        : $"{prefix}:{Name}={(DbValues.IsNull(identifier) ? "NULL" : DbValues.Text(identifier!))}";
}
