namespace BRVT.Dti.Results;

/// <summary>How a leaf's observations became its points.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Rule">The rule's name.</param>
/// <param name="Parameters">The rule's parameters as text.</param>
/// <param name="Description">How this unit's inputs became its share, in one sentence.</param>
/// <param name="Inputs">Each input observation with its provenance.</param>
public sealed record LeafExplanation(string Rule, string Parameters, string Description, IReadOnlyList<InputExplanation> Inputs);
