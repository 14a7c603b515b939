using BRVT.Dti.Evaluation;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Results;
using BRVT.Dti.Sources;
using BRVT.Dti.Sources.Excel;

namespace BRVT.Dti.Host.Running;

/// <summary>What one period of a workspace gave: the data read (with every source's account) and each index's result.</summary>
/// <param name="Period">The period.</param>
/// <param name="Read">Every observation read and every source's account.</param>
/// <param name="Indices">Each index's data and result.</param>
/// <param name="Stages">Self-assessed and verified values side by side, from the self-assessment workbooks.</param>
internal sealed record PeriodOutcome(string Period, DataReadResult Read, IReadOnlyList<IndexOutcome> Indices, IReadOnlyList<StagePair> Stages)
{
    public IndexOutcome? Find(string indexId) => Indices.FirstOrDefault(i => i.Index.Id == indexId);
}

/// <summary>One index assessed for one period.</summary>
internal sealed record IndexOutcome(WorkspaceIndex Index, AssessmentData Data, AssessmentResult Result);
