namespace BRVT.Dti.Sources.Excel;

/// <summary>The assessment stages a self-assessment workbook holds, as written in <see cref="Data.Provenance.Stage"/>.</summary>
public static class AssessmentStages
{
    /// <summary>The value the unit gave itself (<c>self-assessed</c>).</summary>
    public const string SelfAssessed = "self-assessed";

    /// <summary>The value the evaluators confirmed (<c>verified</c>).</summary>
    public const string Verified = "verified";
}
