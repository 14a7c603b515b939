namespace BRVT.Dti.Analysis;

/// <summary>How missing values are imputed.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ImputationOptions
{
    /// <summary>The method (default <see cref="ImputationMethod.None"/>).</summary>
    public ImputationMethod Method { get; init; }

    /// <summary>The unit attribute that forms the groups, for the group methods (e.g. <c>EurAsia_group</c>).</summary>
    public string? Group { get; init; }

    /// <summary>No imputation.</summary>
    public static ImputationOptions None { get; } = new();

    /// <summary>The overall mean.</summary>
    /// <returns>The options.</returns>
    public static ImputationOptions Mean() => new() { Method = ImputationMethod.Mean };

    /// <summary>The overall median.</summary>
    /// <returns>The options.</returns>
    public static ImputationOptions Median() => new() { Method = ImputationMethod.Median };

    /// <summary>The mean of the unit's group.</summary>
    /// <param name="group">The unit attribute that forms the groups.</param>
    /// <returns>The options.</returns>
    public static ImputationOptions GroupMean(string group) => new() { Method = ImputationMethod.GroupMean, Group = group };

    /// <summary>The median of the unit's group.</summary>
    /// <param name="group">The unit attribute that forms the groups.</param>
    /// <returns>The options.</returns>
    public static ImputationOptions GroupMedian(string group) => new() { Method = ImputationMethod.GroupMedian, Group = group };

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A group method has no group attribute, or the method is unknown.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException($"Unknown imputation method {Method}.", nameof(Method));
        }

        if (Method is ImputationMethod.GroupMean or ImputationMethod.GroupMedian && string.IsNullOrWhiteSpace(Group))
        {
            throw new ArgumentException($"Imputation by {Method} needs the unit attribute that forms the groups.", nameof(Group));
        }
    }

    /// <summary>A short label, e.g. <c>groupMean(EurAsia_group)</c>.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Group is null ? Method.ToString() : $"{Method}({Group})";
}
