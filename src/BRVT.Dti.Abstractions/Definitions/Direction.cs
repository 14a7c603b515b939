using System.Text.Json.Serialization;

namespace BRVT.Dti.Definitions;

/// <summary>Whether a larger observed value is better or worse.</summary>
public enum Direction
{
    /// <summary>A larger value earns at least as many points.</summary>
    [JsonStringEnumMemberName("higher")]
    HigherIsBetter,

    /// <summary>A smaller value earns at least as many points (e.g. days to resolve a dossier).</summary>
    [JsonStringEnumMemberName("lower")]
    LowerIsBetter,
}
