using BRVT.Dti.Data;

namespace BRVT.Dti.Results;

/// <summary>
/// A problem with the data given to an assessment that did not stop it: an observation of an unknown unit or measure,
/// a duplicate, a unit of a kind the index does not assess. Nothing is dropped silently: each is reported here.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Code">A stable code, e.g. <c>unknown-unit</c>, <c>duplicate-observation</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Provenance">Where the offending data came from, when known.</param>
public sealed record DataIssue(string Code, string Message, Provenance? Provenance = null);
