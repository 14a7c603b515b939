using BRVT.Dti.Definitions;
using BRVT.Dti.Validation;

namespace BRVT.Dti;

/// <summary>
/// The outcome of loading a definition: the definition and its compiled plan when it is valid, and every problem
/// found (errors and warnings), each with its file, line, column and JSON pointer.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DefinitionLoadResult
{
    /// <summary>The definition as read, or <see langword="null"/> when it could not be read.</summary>
    public IndexDefinition? Definition { get; init; }

    /// <summary>The compiled plan, or <see langword="null"/> when there were errors.</summary>
    public ScoringPlan? Plan { get; init; }

    /// <summary>Every problem found, errors and warnings, in file order.</summary>
    public required IReadOnlyList<DefinitionProblem> Problems { get; init; }

    /// <summary>Whether the definition compiled (warnings may remain).</summary>
    public bool Succeeded => Plan is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<DefinitionProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Returns the plan, or throws with every error when the definition did not compile.</summary>
    /// <returns>The compiled plan.</returns>
    /// <exception cref="DefinitionException">The definition has errors; the exception lists them all.</exception>
    public ScoringPlan EnsureSuccess() => Plan ?? throw new DefinitionException(Problems);
}
