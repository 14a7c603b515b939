using System.Data;
using System.Data.Common;
using System.Globalization;
using BRVT.Dti.Sources.Sql.Configuration;

namespace BRVT.Dti.Sources.Sql.Dialects;

/// <summary>
/// What differs between SQL engines in the SQL this plugin writes: quoting, casts, parameter markers, how a
/// comparison becomes a number, whether <c>LEAST</c>/<c>GREATEST</c> propagate NULL, the engine's row identifier and
/// how a stored value that is not a finite number is recognised. Everything else is standard SQL that SQLite,
/// PostgreSQL and DuckDB all read.
/// </summary>
/// <remarks>Stateless, immutable and thread-safe. Nothing a configuration says ever reaches SQL except through <see cref="Quote"/>.</remarks>
internal abstract class SqlDialect
{
    /// <summary>The source type (<c>sqlite</c>, <c>postgres</c>, <c>duckdb</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Whether the column types of a query result are fixed (and worth checking) or vary per value (SQLite).</summary>
    public virtual bool HasStaticTypes => true;

    /// <summary>Whether the two-argument <c>min</c>/<c>max</c> (<c>LEAST</c>/<c>GREATEST</c>) give NULL when an argument is NULL.</summary>
    public abstract bool ExtremesPropagateNull { get; }

    /// <summary>The name of the engine's own row identifier, as locations cite it (<c>rowid</c>, <c>ctid</c>).</summary>
    public abstract string RowIdentifierName { get; }

    /// <summary>The SQL that selects the engine's own row identifier (a constant of this class, never configuration text).</summary>
    public abstract string RowIdentifierSql { get; }

    /// <summary>The SQL that orders rows by the engine's row identifier, in the order they are stored.</summary>
    public virtual string RowOrderSql => RowIdentifierSql;

    /// <summary>A NULL of type double (a missing number).</summary>
    public string NullDouble => $"CAST(NULL AS {DoubleType})";

    /// <summary>The SQL type name of a double-precision number.</summary>
    protected abstract string DoubleType { get; }

    /// <summary>The SQL type name of text, for <c>CAST(x AS …)</c>.</summary>
    protected abstract string TextType { get; }

    /// <summary>Quotes a checked name, part by part (<c>"schema"."table"</c>).</summary>
    /// <param name="identifier">The checked name.</param>
    /// <returns>The quoted name.</returns>
    public string Quote(SqlIdentifier identifier) => string.Join('.', identifier.Parts.Select(QuotePart));

    /// <summary>A parameter marker for a parameter name.</summary>
    /// <param name="name">The parameter's name (letters and digits).</param>
    /// <returns>The marker to write in the SQL.</returns>
    public virtual string Parameter(string name) => "@" + name;

    /// <summary>A double parameter as it is written in an expression (typed, where the engine would otherwise guess its type from its neighbours).</summary>
    /// <param name="marker">The parameter's marker.</param>
    /// <returns>The SQL.</returns>
    public virtual string DoubleParameter(string marker) => marker;

    /// <summary>Creates a parameter for a command of this engine.</summary>
    /// <param name="command">The command.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">Its database type.</param>
    /// <returns>The parameter, not yet added.</returns>
    public virtual DbParameter CreateParameter(DbCommand command, string name, object value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        return parameter;
    }

    /// <summary>A number expression cast to double precision.</summary>
    /// <param name="sql">The expression.</param>
    /// <returns>The cast expression.</returns>
    public string CastToDouble(string sql) => $"CAST({sql} AS {DoubleType})";

    /// <summary>A boolean column cast to 1 or 0 as a double.</summary>
    /// <param name="sql">The column.</param>
    /// <returns>The cast expression.</returns>
    public string BooleanToDouble(string sql) => $"CAST(CAST({sql} AS INTEGER) AS {DoubleType})";

    /// <summary>
    /// The result of an arithmetic operation as the formula language has it: missing (NULL) when it overflowed to an
    /// infinity. The default is for engines that raise an error on a floating-point overflow (PostgreSQL): the query
    /// then fails and the record set is read row by row.
    /// </summary>
    /// <param name="sql">The arithmetic expression.</param>
    /// <returns>The expression, NULL where it is infinite.</returns>
    public virtual string FiniteOrNull(string sql) => sql;

    /// <summary>Whether <see cref="FiniteOrNull"/> may turn a value into NULL (the engine overflows to an infinity instead of failing).</summary>
    public virtual bool OverflowsToInfinity => false;

    /// <summary>An expression cast to text.</summary>
    /// <param name="sql">The expression.</param>
    /// <returns>The cast expression.</returns>
    public string CastToText(string sql) => $"CAST({sql} AS {TextType})";

    /// <summary>A SQL predicate turned into an integer: 1 when true, 0 when false, NULL when unknown.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>The integer expression.</returns>
    public virtual string PredicateToInteger(string predicate) => $"CAST(({predicate}) AS INTEGER)";

    /// <summary>The two-argument minimum or maximum function's name.</summary>
    /// <param name="maximum">Whether the maximum is wanted.</param>
    /// <returns>The function's name.</returns>
    public virtual string Extreme(bool maximum) => maximum ? "GREATEST" : "LEAST";

    /// <summary>
    /// A predicate that is true for a stored value that is not a finite number (text, bytes, NaN, an infinity), or
    /// <see langword="null"/> when a column of that type can only hold numbers and NULL. NULL itself is a missing value,
    /// never a bad one.
    /// </summary>
    /// <param name="column">The quoted column.</param>
    /// <param name="type">The column's type as the provider reports it, or <see langword="null"/> when unknown.</param>
    /// <returns>The predicate, or <see langword="null"/>.</returns>
    public abstract string? NotFiniteNumber(string column, Type? type);

    /// <summary>The WHERE predicate selecting the period assessed, its value a parameter.</summary>
    /// <param name="column">The quoted period column.</param>
    /// <param name="type">The column's type, or <see langword="null"/> when unknown.</param>
    /// <param name="period">The period assessed.</param>
    /// <param name="addParameter">Adds a parameter and returns its marker.</param>
    /// <returns>The predicate.</returns>
    public virtual string PeriodPredicate(string column, Type? type, string period, Func<object, DbType, string> addParameter)
    {
        if (type is not null && IsInteger(type))
        {
            // An integer column holds no period that is not a whole number: compare as integers so that an index serves.
            return long.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
                ? $"{column} = {addParameter(whole, DbType.Int64)}"
                : "1 = 0";
        }

        if (type is not null && Reading.DbValues.IsNumericType(type) && long.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            // A floating-point or decimal column holds the period 2023 as 2023.0 or 2023.000, whose text is not "2023": compare numbers.
            return $"{column} = {DoubleParameter(addParameter((double)number, DbType.Double))}";
        }

        return type == typeof(string)
            ? $"{column} = {addParameter(period, DbType.String)}"
            : $"{CastToText(column)} = {addParameter(period, DbType.String)}";
    }

    /// <summary>Whether a provider type holds whole numbers.</summary>
    /// <param name="type">The type.</param>
    /// <returns><see langword="true"/> for integer types.</returns>
    protected static bool IsInteger(Type type) => Reading.DbValues.IsIntegerType(type);

    private static string QuotePart(string part) => "\"" + part.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
