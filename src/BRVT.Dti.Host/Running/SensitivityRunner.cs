using BRVT.Dti.Analysis;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// Runs the Monte Carlo rank analysis of an assessed index, one ranking group at a time: the index's leaves and
/// weights as a composite, weights perturbed, indicators left out one at a time, ranks per replication.
/// </summary>
internal static class SensitivityRunner
{
    public static IReadOnlyList<GroupSensitivity> Run(IndexOutcome outcome, UncertaintyOptions options, CancellationToken cancellationToken)
    {
        var groups = new List<GroupSensitivity>();
        IReadOnlyList<AssessmentComposite> composites;
        try
        {
            composites = AssessmentComposite.ForEachRankedGroup(outcome.Index.Plan, outcome.Result);
        }
        catch (ArgumentException exception)
        {
            return [new GroupSensitivity(null, null, null, [exception.Message])];
        }

        foreach (var composite in composites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = composite.RunUncertainty(options, progress: null, cancellationToken);
            var notes = composite.Notes.Concat(composite.LeftOut.Select(l => $"{l.Unit} left out: {l.Reason}")).ToList();
            groups.Add(new GroupSensitivity(composite.Group, composite, result, notes));
        }

        return groups;
    }
}

/// <summary>The rank analysis of one ranking group (null result when the index could not be analysed; the notes say why).</summary>
internal sealed record GroupSensitivity(string? Group, AssessmentComposite? Composite, UncertaintyResult? Result, IReadOnlyList<string> Notes);
