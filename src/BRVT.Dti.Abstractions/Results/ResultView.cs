using BRVT.Dti.Definitions;

namespace BRVT.Dti.Results;

/// <summary>A view (such as a pillar) of the assessed index as results list it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The view identifier.</param>
/// <param name="Code">The display code.</param>
/// <param name="Name">The display name.</param>
/// <param name="Nodes">The identifiers of the nodes the view adds up.</param>
/// <param name="MaxPoints">The nominal maximum points of the view.</param>
public sealed record ResultView(string Id, string Code, LocalizedText Name, IReadOnlyList<string> Nodes, double MaxPoints);
