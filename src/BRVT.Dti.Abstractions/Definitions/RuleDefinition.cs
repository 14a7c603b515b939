using System.Text.Json;

namespace BRVT.Dti.Definitions;

/// <summary>
/// The scoring rule of a leaf: its <see cref="Type"/> names a rule in the registry (<c>boolean</c>, <c>ratio</c>,
/// <c>target</c>, <c>bands</c>, <c>linear</c>, <c>relative</c>, <c>formula</c>, or one a plugin adds) and
/// <see cref="Parameters"/> holds the whole rule object as written, which that rule reads when it is compiled.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RuleDefinition
{
    /// <summary>The rule's registered name.</summary>
    public required string Type { get; init; }

    /// <summary>The rule object as written in the definition, including <c>type</c>.</summary>
    public required JsonElement Parameters { get; init; }
}
