using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Sql.Translation;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>
/// The state of reading one record set, shared by the database aggregation (<see cref="PushdownAggregation"/>) and
/// the row-by-row one (<see cref="StreamingAggregation"/>): quoted names, how rows are identified, the units assessed
/// and the reasons rows are rejected, written once so that both ways reject the same rows for the same reasons.
/// </summary>
/// <remarks>Not thread-safe: one per read of a record set.</remarks>
internal sealed class RecordSetRead
{
    /// <summary>Creates the state.</summary>
    /// <param name="context">The read.</param>
    /// <param name="plan">The record set and its measures.</param>
    /// <param name="identity">How rows are identified.</param>
    /// <param name="types">The types of the unit, period and field columns (empty when the engine's columns hold any type).</param>
    public RecordSetRead(SqlReadContext context, RecordPlan plan, RowIdentity identity, IReadOnlyList<Type> types)
    {
        Context = context;
        Plan = plan;
        Identity = identity;
        Types = types;
        var dialect = context.Database.Dialect;
        Table = dialect.Quote(plan.Table.Table);
        Unit = dialect.Quote(plan.Table.Unit);
        Period = dialect.Quote(plan.Table.Period);
        FieldColumns = [.. plan.Fields.Select(field => dialect.Quote(plan.Table.Fields[field]))];
        Prefix = $"{context.Database.Label} {plan.Table.Table}";
        UnitOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in context.Request.Units)
        {
            UnitOrdinals.TryAdd(unit.Id, UnitOrdinals.Count);
        }

        Records = new long[UnitOrdinals.Count];
    }

    /// <summary>The read.</summary>
    public SqlReadContext Context { get; }

    /// <summary>The record set and its measures.</summary>
    public RecordPlan Plan { get; }

    /// <summary>How rows are identified.</summary>
    public RowIdentity Identity { get; }

    /// <summary>The types of the unit, period and field columns; empty when unknown.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>The quoted table.</summary>
    public string Table { get; }

    /// <summary>The quoted unit column.</summary>
    public string Unit { get; }

    /// <summary>The quoted period column.</summary>
    public string Period { get; }

    /// <summary>The quoted columns of <see cref="RecordPlan.Fields"/>.</summary>
    public IReadOnlyList<string> FieldColumns { get; }

    /// <summary>The database and table, as locations begin.</summary>
    public string Prefix { get; }

    /// <summary>The units assessed: id → ordinal (request order).</summary>
    public Dictionary<string, int> UnitOrdinals { get; }

    /// <summary>The records accepted per unit ordinal.</summary>
    public long[] Records { get; }

    /// <summary>The ORDER BY of a query that numbers rows (when there is no row identifier): unit, then the fields.</summary>
    public string NumberingOrder => string.Join(", ", [Unit, .. FieldColumns]);

    /// <summary>The type of the period column, or <see langword="null"/>.</summary>
    public Type? PeriodType => Types.Count == 0 ? null : Types[1];

    /// <summary>The type of a field's column, or <see langword="null"/>.</summary>
    /// <param name="index">The field's index in <see cref="RecordPlan.Fields"/>.</param>
    /// <returns>The type.</returns>
    public Type? FieldType(int index) => Types.Count == 0 ? null : Types[2 + index];

    /// <summary>The WHERE predicate that selects the period assessed.</summary>
    /// <param name="parameters">Receives the period as a parameter.</param>
    /// <returns>The predicate.</returns>
    public string PeriodPredicate(SqlParameters parameters) =>
        Context.Database.Dialect.PeriodPredicate(Period, PeriodType, Context.Request.Period, parameters.Add);

    /// <summary>
    /// Why records of a unit id are rejected, or <see langword="null"/> when the unit is assessed; the same reason in
    /// both ways of aggregating.
    /// </summary>
    /// <param name="unit">The unit id as read (trimmed); empty when NULL or blank.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public string? UnitProblem(string unit) => unit.Length == 0
        ? $"the record has no unit (column {Plan.Table.Unit} is NULL or empty); fill in the unit of each record."
        : UnitOrdinals.ContainsKey(unit)
            ? null
            : $"unit '{unit}' is not one of the units assessed; correct the unit id in column {Plan.Table.Unit}, or add the unit to the workspace's units.";

    /// <summary>Why a record's field value is rejected, or <see langword="null"/> when it is a number or missing.</summary>
    /// <param name="index">The field's index.</param>
    /// <param name="raw">The value read.</param>
    /// <param name="value">The number; NaN when missing.</param>
    /// <returns>The reason, or <see langword="null"/>.</returns>
    public string? FieldProblem(int index, object raw, out double value)
    {
        if (DbValues.IsNull(raw) || (raw is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            value = double.NaN;
            return null;
        }

        var field = Plan.Fields[index];
        var column = Plan.Table.Fields[field];
        if (!DbValues.TryNumber(raw, out value))
        {
            return $"field '{field}' (column {column}) holds {DbValues.Show(raw)}, which is not a number; store numbers (e.g. 12.5), 1 or 0 for yes or no, and NULL when the value is missing.";
        }

        return double.IsFinite(value)
            ? null
            : $"field '{field}' (column {column}) holds {DbValues.Show(raw)}, which is not a finite number; store a number, or NULL when the value is missing.";
    }

    /// <summary>Adds the observations of every unit assessed, one per measure.</summary>
    /// <param name="value">The value of measure m (index in the plan) for unit u (ordinal).</param>
    /// <param name="how">How the values were computed, for provenance.</param>
    public void Emit(Func<int, int, double> value, string how)
    {
        var ledger = Context.Ledger;
        foreach (var (unit, u) in UnitOrdinals)
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"{Prefix} ({Records[u]} records of period {ledger.Period} of unit '{unit}', {how})");
            for (var m = 0; m < Plan.Measures.Count; m++)
            {
                ledger.Add(new Observation(unit, Plan.Measures[m].Id, ledger.Period, value(m, u), new Provenance(Context.Settings.Name, location)));
            }
        }
    }

    /// <summary>Adds a value to a query's parameters, typed as read.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="raw">The value read from the database.</param>
    /// <returns>Its marker.</returns>
    public static string Parameter(SqlParameters parameters, object raw) => parameters.Add(raw, DbValues.TypeOf(raw));

    /// <summary>The type of a value, for messages.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its name.</returns>
    public static string TypeName(Type type) => type == typeof(string) ? "text" : type.Name;}
