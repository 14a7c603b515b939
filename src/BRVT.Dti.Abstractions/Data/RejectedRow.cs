namespace BRVT.Dti.Data;

/// <summary>A row (or cell, or record) a data source read and did not accept, with where it is and why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Location">The place in the source: <c>file.csv:123</c>, <c>Sheet1!C7</c>, a query row.</param>
/// <param name="Reason">Why it was rejected and how to fix it.</param>
public sealed record RejectedRow(string Location, string Reason);
