using System.Globalization;

namespace BRVT.Dti.Validation;

/// <summary>
/// A problem found in an index definition file: where it is (file, line, column and JSON pointer), how serious it is,
/// and a message that says what is wrong and how to fix it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Severity">Whether the problem is an error or a warning.</param>
/// <param name="File">The file (or other source name) the definition was read from, as given by the caller.</param>
/// <param name="Line">The 1-based line of the value (or property name) the problem is about.</param>
/// <param name="Column">
/// The 1-based column on <paramref name="Line"/>, counted in UTF-16 characters (as editors count them), not in bytes.
/// </param>
/// <param name="Pointer">
/// The RFC 6901 JSON pointer of the value the problem is about: <c>""</c> for the whole document,
/// <c>/nodes/0/weight</c> for the weight of the first top-level node. It may name a property that is missing
/// (its location is then the object that should hold it).
/// </param>
/// <param name="Message">What is wrong and how to fix it, in English.</param>
public sealed record DefinitionProblem(ProblemSeverity Severity, string File, int Line, int Column, string Pointer, string Message)
{
    /// <summary>
    /// Formats the problem the way compilers and editors recognise:
    /// <c>index.json(12,7): error at /nodes/0/weight: …</c>. The document itself is shown as <c>(root)</c>.
    /// </summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString()
    {
        var severity = Severity == ProblemSeverity.Warning ? "warning" : "error";
        var pointer = Pointer.Length == 0 ? "(root)" : Pointer;
        return string.Create(CultureInfo.InvariantCulture, $"{File}({Line},{Column}): {severity} at {pointer}: {Message}");
    }
}
