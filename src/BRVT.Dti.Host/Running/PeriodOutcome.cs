using BRVT.Dti.Evaluation;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Results;
using BRVT.Dti.Sources;

namespace BRVT.Dti.Host.Running;

/// <summary>What one period of a workspace gave: the data read (with every source's account) and each index's result.</summary>
internal sealed record PeriodOutcome(string Period, DataReadResult Read, IReadOnlyList<IndexOutcome> Indices)
{
    public IndexOutcome? Find(string indexId) => Indices.FirstOrDefault(i => i.Index.Id == indexId);
}

/// <summary>One index assessed for one period.</summary>
internal sealed record IndexOutcome(WorkspaceIndex Index, AssessmentData Data, AssessmentResult Result);
