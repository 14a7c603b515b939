// TEMPORARY: stand-ins for types being written on the `schema` branch; deleted at merge.
#pragma warning disable CS1591, CA1822, IDE0060
namespace BRVT.Dti.Validation;

public enum ProblemSeverity { Error, Warning }
public sealed record DefinitionProblem(ProblemSeverity Severity, string File, int Line, int Column, string Pointer, string Message);
internal sealed class JsonLocationMap
{
    public static JsonLocationMap Build(ReadOnlySpan<byte> utf8) => new();
    public (int Line, int Column) Locate(string pointer) => (1, 1);
}
internal sealed class SchemaValidator
{
    public static SchemaValidator Shared { get; } = new();
    public IReadOnlyList<DefinitionProblem> Validate(string text, string file) => [];
}
