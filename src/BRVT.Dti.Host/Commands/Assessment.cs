using BRVT.Dti.Evaluation;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Results;

namespace BRVT.Dti.Host.Commands;

/// <summary>A workspace loaded, its definition compiled and its data prepared and assessed.</summary>
internal sealed record Assessment(Workspace Workspace, ScoringPlan Plan, AssessmentData Data, AssessmentResult Result)
{
    public static async Task<Assessment> RunAsync(string workspaceDirectory, CancellationToken cancellationToken)
    {
        var workspace = WorkspaceLoader.Load(workspaceDirectory);
        var loaded = await new DtiEngine().LoadDefinitionFileAsync(workspace.DefinitionPath, cancellationToken).ConfigureAwait(false);
        foreach (var warning in loaded.Problems.Where(p => p.Severity == Validation.ProblemSeverity.Warning))
        {
            Console.Error.WriteLine(warning);
        }

        var plan = loaded.EnsureSuccess();
        var data = plan.Prepare(workspace.Units, workspace.Observations, workspace.Period, cancellationToken);
        return new Assessment(workspace, plan, data, plan.Assess(data, cancellationToken));
    }
}
