namespace BRVT.Dti.Data;

/// <summary>Where an observation came from, so that an explanation can cite it down to the row.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Source">The data source's name, e.g. <c>dossiers.csv</c> or <c>tthc-api</c>.</param>
/// <param name="Location">The place in the source: <c>file.csv:123</c>, <c>Sheet1!C7</c>, a query and row, a URL.</param>
/// <param name="Stage">The assessment stage of the value: <c>self-assessed</c>, <c>verified</c>, or <see langword="null"/> when it does not apply.</param>
public sealed record Provenance(string Source, string Location, string? Stage = null)
{
    /// <inheritdoc />
    public override string ToString() => Stage is null ? $"{Source} @ {Location}" : $"{Source} @ {Location} ({Stage})";
}
