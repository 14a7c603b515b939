namespace BRVT.Dti.Host.Samples;

/// <summary>
/// One figure a unit reports for a period: the value the evaluators verified and the value the unit claimed in its
/// self-assessment (the same for most units; higher for the optimistic ones; occasionally not a number at all).
/// </summary>
internal sealed record SampleFigure(string UnitId, SampleMeasure Measure, double Verified, string SelfAssessed);
