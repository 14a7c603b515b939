using System.Text.Json;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Scoring;

/// <summary>What a rule sees when it is compiled for one leaf: its parameters, the leaf and the definition's measures.</summary>
/// <remarks>Created by the compiler for one leaf; not thread-safe.</remarks>
public sealed class RuleCompilationContext
{
    private readonly Action<string, string> report;

    /// <summary>Creates a context.</summary>
    /// <param name="parameters">The rule object as written.</param>
    /// <param name="pointer">The JSON pointer of the rule object in its definition file.</param>
    /// <param name="leaf">The leaf being compiled.</param>
    /// <param name="maxPoints">The leaf's maximum points.</param>
    /// <param name="measures">The definition's measures by identifier.</param>
    /// <param name="report">Receives each problem: the JSON pointer where it is and a sentence on how to fix it.</param>
    public RuleCompilationContext(
        JsonElement parameters,
        string pointer,
        NodeDefinition leaf,
        double maxPoints,
        IReadOnlyDictionary<string, MeasureDefinition> measures,
        Action<string, string> report)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(report);
        Parameters = parameters;
        Pointer = pointer;
        Leaf = leaf;
        MaxPoints = maxPoints;
        Measures = measures;
        this.report = report;
    }

    /// <summary>The rule object as written, including <c>type</c>.</summary>
    public JsonElement Parameters { get; }

    /// <summary>The JSON pointer of the rule object, e.g. <c>/nodes/0/children/2/rule</c>.</summary>
    public string Pointer { get; }

    /// <summary>The leaf being compiled.</summary>
    public NodeDefinition Leaf { get; }

    /// <summary>The leaf's maxPoints as written; under a mean parent, its share of the parent's maximum.</summary>
    public double MaxPoints { get; }

    /// <summary>The definition's measures by identifier.</summary>
    public IReadOnlyDictionary<string, MeasureDefinition> Measures { get; }

    /// <summary>Whether a problem has been reported.</summary>
    public bool HasProblems { get; private set; }

    /// <summary>Reports a problem in the rule's parameters.</summary>
    /// <param name="property">The property the problem is in, relative to the rule object (e.g. <c>target</c>), or empty for the rule itself.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Report(string property, string message)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(message);
        HasProblems = true;
        report(property.Length == 0 ? Pointer : $"{Pointer}/{property}", message);
    }
}
