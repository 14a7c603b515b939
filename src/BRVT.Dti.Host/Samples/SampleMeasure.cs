using BRVT.Dti.Definitions;

namespace BRVT.Dti.Host.Samples;

/// <summary>One measure of a definition as the sample generator sees it.</summary>
/// <param name="Definition">The measure as the index defines it.</param>
/// <param name="Kind">How its value is invented.</param>
/// <param name="Denominator">For a numerator, the measure it is a part of.</param>
/// <param name="Top">For a count, the threshold of its best band (a good unit reaches it).</param>
/// <param name="Channel">Where a unit reports it: the self-assessment workbook, the reported figures or the dossiers.</param>
internal sealed record SampleMeasure(MeasureDefinition Definition, SampleMeasureKind Kind, string? Denominator, double Top, SampleChannel Channel)
{
    public string Id => Definition.Id;
}
