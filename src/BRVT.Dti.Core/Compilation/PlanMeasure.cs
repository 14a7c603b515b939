using BRVT.Dti.Definitions;
using BRVT.Dti.Scoring.Formulas;

namespace BRVT.Dti.Compilation;

/// <summary>A measure of a compiled plan; a computed measure carries its formula and the ordinals of its inputs.</summary>
internal sealed record PlanMeasure(MeasureDefinition Definition, Formula? Formula, int[] FormulaInputs)
{
    public string Id => Definition.Id;

    public bool IsComputed => Formula is not null;
}
