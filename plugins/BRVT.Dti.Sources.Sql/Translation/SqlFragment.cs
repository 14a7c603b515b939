namespace BRVT.Dti.Sources.Sql.Translation;

/// <summary>A translated part of a formula: SQL for a number, NULL standing for a missing value.</summary>
/// <param name="Sql">The SQL expression.</param>
/// <param name="MayBeInteger">Whether its SQL type may be an integer (so a division must cast it to double first).</param>
/// <param name="IsTruth">Whether its value is 1, 0 or NULL (the result of a comparison or a logical operator).</param>
/// <param name="Nullable">Whether it can be NULL (missing).</param>
/// <param name="Constant">Its value when it is a number written in the formula; otherwise <see langword="null"/>.</param>
internal readonly record struct SqlFragment(string Sql, bool MayBeInteger, bool IsTruth, bool Nullable, double? Constant = null);
