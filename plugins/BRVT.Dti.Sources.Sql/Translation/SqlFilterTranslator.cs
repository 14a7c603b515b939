using System.Data;
using BRVT.Dti.Scoring.Formulas;
using BRVT.Dti.Sources.Sql.Dialects;

namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>
/// Translates a formula of the formula language into a SQL expression with the same meaning, record by record.
/// </summary>
/// <remarks>
/// <para>
/// Each part becomes a numeric SQL expression in which NULL stands for a missing value (NaN), exactly as in the
/// formula language: arithmetic, comparisons and <c>and</c>/<c>or</c>/<c>not</c> give NULL when an operand is NULL
/// (so, unlike SQL's own logic, <c>1 or missing</c> is missing), <c>a / 0</c> and a result that overflows are NULL, <c>coalesce</c> and
/// <c>missing</c> see through NULL, <c>if</c> with a missing condition is NULL. Comparisons become 1/0/NULL numbers,
/// <c>and</c> a product of truths, <c>or</c> a sum of truths compared with 0; <c>min</c>/<c>max</c> become the
/// engine's two-argument minimum and maximum, guarded with <c>CASE … IS NULL</c> where the engine ignores NULL;
/// <c>clamp</c> needs number bounds; <c>floor</c>, <c>ceil</c>, <c>abs</c> and <c>sqrt</c> map to the functions of
/// the same name. A filter holds for a record when its value is neither 0 nor NULL, as in the in-memory aggregator.
/// </para>
/// <para>
/// Numbers become parameters; field names become the columns the source's <c>fields</c> map them to, already quoted
/// and cast to double by the caller. <c>round</c> is refused (engines round halves differently), as is anything else
/// without an exact translation, and a translation that grows beyond <see cref="MaxSqlLength"/> characters.
/// </para>
/// </remarks>
internal sealed class SqlFilterTranslator : IFormulaFolder<SqlFragment>
{
    /// <summary>The longest SQL a formula may become.</summary>
    public const int MaxSqlLength = 20_000;

    private readonly SqlDialect dialect;
    private readonly IReadOnlyDictionary<string, string> fields;
    private readonly SqlParameters parameters;
    private readonly Func<string, Exception> refuse;

    /// <summary>Creates a translator for one formula.</summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="fields">Field name → SQL expression of its value as a double (quoted column, cast).</param>
    /// <param name="parameters">Collects the numbers as parameters.</param>
    /// <param name="refuse">Creates the exception for a construct that cannot be translated, given a description of it.</param>
    public SqlFilterTranslator(SqlDialect dialect, IReadOnlyDictionary<string, string> fields, SqlParameters parameters, Func<string, Exception> refuse)
    {
        this.dialect = dialect;
        this.fields = fields;
        this.parameters = parameters;
        this.refuse = refuse;
    }

    /// <summary>Translates a formula into a SQL predicate that is true exactly when the formula's value is neither 0 nor missing.</summary>
    /// <param name="formula">The formula.</param>
    /// <returns>The predicate.</returns>
    public string Predicate(Formula formula)
    {
        var fragment = formula.Fold(this);
        return fragment.IsTruth ? $"{fragment.Sql} = 1" : $"{fragment.Sql} <> 0";
    }

    /// <summary>Translates a formula into a SQL expression of its value (NULL when missing).</summary>
    /// <param name="formula">The formula.</param>
    /// <returns>The expression.</returns>
    public string Value(Formula formula) => formula.Fold(this).Sql;

    /// <inheritdoc />
    public SqlFragment Number(double value) => double.IsNaN(value)
        ? new SqlFragment(dialect.NullDouble, MayBeInteger: false, IsTruth: false, Nullable: true, Constant: value)
        : new SqlFragment(dialect.DoubleParameter(parameters.Add(value, DbType.Double)), MayBeInteger: false, IsTruth: false, Nullable: false, Constant: value);

    /// <inheritdoc />
    public SqlFragment Variable(string name) => fields.TryGetValue(name, out var sql)
        ? new SqlFragment(sql, MayBeInteger: false, IsTruth: false, Nullable: true)
        : throw refuse($"the field '{name}', which is not one of the record set's fields ({(fields.Count == 0 ? "none" : string.Join(", ", fields.Keys.Order(StringComparer.Ordinal)))}); add it to \"fields\" or correct the formula");

    /// <inheritdoc />
    public SqlFragment Unary(FormulaUnaryOperator op, SqlFragment operand) => op switch
    {
        FormulaUnaryOperator.Negate => Checked(new SqlFragment($"(- {operand.Sql})", operand.MayBeInteger, IsTruth: false, operand.Nullable)),
        FormulaUnaryOperator.Not => Checked(new SqlFragment(dialect.PredicateToInteger($"{operand.Sql} = 0"), MayBeInteger: true, IsTruth: true, operand.Nullable)),
        _ => throw refuse($"the operator {op}"),
    };

    /// <inheritdoc />
    public SqlFragment Binary(FormulaBinaryOperator op, SqlFragment left, SqlFragment right)
    {
        var nullable = left.Nullable || right.Nullable;
        var integer = left.MayBeInteger && right.MayBeInteger;
        return Checked(op switch
        {
            FormulaBinaryOperator.Add => Arithmetic($"({left.Sql} + {right.Sql})", integer, nullable),
            FormulaBinaryOperator.Subtract => Arithmetic($"({left.Sql} - {right.Sql})", integer, nullable),
            FormulaBinaryOperator.Multiply => Arithmetic($"({left.Sql} * {right.Sql})", integer, nullable),
            FormulaBinaryOperator.Divide => Arithmetic($"({AsDouble(left)} / NULLIF({AsDouble(right)}, 0))", false, true),
            FormulaBinaryOperator.Equal => Comparison("=", left, right),
            FormulaBinaryOperator.NotEqual => Comparison("<>", left, right),
            FormulaBinaryOperator.Less => Comparison("<", left, right),
            FormulaBinaryOperator.LessOrEqual => Comparison("<=", left, right),
            FormulaBinaryOperator.Greater => Comparison(">", left, right),
            FormulaBinaryOperator.GreaterOrEqual => Comparison(">=", left, right),
            FormulaBinaryOperator.And => new SqlFragment($"({Truth(left)} * {Truth(right)})", true, true, nullable),
            FormulaBinaryOperator.Or => new SqlFragment(dialect.PredicateToInteger($"({Truth(left)} + {Truth(right)}) > 0"), true, true, nullable),
            _ => throw refuse($"the operator {op}"),
        });
    }

    /// <inheritdoc />
    public SqlFragment Call(string function, IReadOnlyList<SqlFragment> arguments) => Checked(function switch
    {
        "min" => Extreme(maximum: false, arguments[0], arguments[1]),
        "max" => Extreme(maximum: true, arguments[0], arguments[1]),
        "abs" => new SqlFragment($"ABS({arguments[0].Sql})", arguments[0].MayBeInteger, false, arguments[0].Nullable),
        "floor" => new SqlFragment($"FLOOR({AsDouble(arguments[0])})", false, false, arguments[0].Nullable),
        "ceil" => new SqlFragment($"CEIL({AsDouble(arguments[0])})", false, false, arguments[0].Nullable),
        "sqrt" => new SqlFragment($"SQRT(CASE WHEN {arguments[0].Sql} >= 0 THEN {AsDouble(arguments[0])} END)", false, false, true),
        "coalesce" => new SqlFragment(
            $"COALESCE({arguments[0].Sql}, {arguments[1].Sql})",
            arguments[0].MayBeInteger && arguments[1].MayBeInteger,
            arguments[0].IsTruth && arguments[1].IsTruth,
            arguments[0].Nullable && arguments[1].Nullable),
        "missing" => new SqlFragment(dialect.PredicateToInteger($"{arguments[0].Sql} IS NULL"), true, true, false),
        "if" => new SqlFragment(
            $"(CASE {Truth(arguments[0])} WHEN 1 THEN {arguments[1].Sql} WHEN 0 THEN {arguments[2].Sql} END)",
            arguments[1].MayBeInteger && arguments[2].MayBeInteger,
            arguments[1].IsTruth && arguments[2].IsTruth,
            arguments[0].Nullable || arguments[1].Nullable || arguments[2].Nullable),
        "clamp" => Clamp(arguments[0], arguments[1], arguments[2]),
        "round" => throw refuse("round(…), which has no exact SQL translation (database engines round halves differently); compare without rounding, e.g. days <= 15.5 instead of round(days) <= 15"),
        _ => throw refuse($"the function {function}(…), which has no SQL translation"),
    });

    /// <summary>
    /// An arithmetic result: missing when it overflows, as in the formula language (<c>1e300 * 1e300</c> is missing, so a
    /// filter on it fails), where the engine would give an infinity. Sums of truths (integers) cannot overflow.
    /// </summary>
    private SqlFragment Arithmetic(string sql, bool integer, bool nullable) => integer || !dialect.OverflowsToInfinity
        ? new SqlFragment(sql, integer, IsTruth: false, nullable)
        : new SqlFragment(dialect.FiniteOrNull(sql), MayBeInteger: false, IsTruth: false, Nullable: true);

    private SqlFragment Comparison(string op, SqlFragment left, SqlFragment right) =>
        new(dialect.PredicateToInteger($"{left.Sql} {op} {right.Sql}"), MayBeInteger: true, IsTruth: true, left.Nullable || right.Nullable);

    /// <summary>1, 0 or NULL: the truth of a value (non-zero), without changing a value that already is a truth.</summary>
    private string Truth(SqlFragment fragment) => fragment.IsTruth ? fragment.Sql : dialect.PredicateToInteger($"{fragment.Sql} <> 0");

    private string AsDouble(SqlFragment fragment) => fragment.MayBeInteger ? dialect.CastToDouble(fragment.Sql) : fragment.Sql;

    private SqlFragment Extreme(bool maximum, SqlFragment a, SqlFragment b)
    {
        var call = $"{dialect.Extreme(maximum)}({a.Sql}, {b.Sql})";
        var nullable = a.Nullable || b.Nullable;
        return new SqlFragment(Guard(call, a, b), a.MayBeInteger && b.MayBeInteger, a.IsTruth && b.IsTruth, nullable);
    }

    private SqlFragment Clamp(SqlFragment x, SqlFragment lo, SqlFragment hi)
    {
        if (lo.Constant is not { } low || hi.Constant is not { } high)
        {
            throw refuse("clamp(x, lo, hi) with bounds that are not plain numbers; write the bounds as numbers, or use min(max(x, lo), hi)");
        }

        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
        {
            return new SqlFragment(dialect.NullDouble, false, false, true);
        }

        var call = $"{dialect.Extreme(false)}({dialect.Extreme(true)}({x.Sql}, {lo.Sql}), {hi.Sql})";
        return new SqlFragment(Guard(call, x), x.MayBeInteger, false, x.Nullable);
    }

    /// <summary>Makes a call to LEAST/GREATEST NULL when any nullable argument is NULL, on engines whose functions ignore NULL.</summary>
    private string Guard(string call, params ReadOnlySpan<SqlFragment> arguments)
    {
        if (dialect.ExtremesPropagateNull)
        {
            return call;
        }

        var checks = new List<string>();
        foreach (var argument in arguments)
        {
            if (argument.Nullable)
            {
                checks.Add($"{argument.Sql} IS NULL");
            }
        }

        return checks.Count == 0 ? call : $"(CASE WHEN {string.Join(" OR ", checks)} THEN NULL ELSE {call} END)";
    }

    private SqlFragment Checked(SqlFragment fragment) => fragment.Sql.Length <= MaxSqlLength
        ? fragment
        : throw refuse($"a formula whose SQL translation grows beyond {MaxSqlLength} characters (nested min, max or clamp over parts that may be missing repeat those parts); simplify it");
}
