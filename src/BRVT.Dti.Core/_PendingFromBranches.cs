// TEMPORARY: stand-ins for types being written on the `schema` and `formula` branches; deleted at merge.
#pragma warning disable CS1591, CA1822, IDE0060
namespace BRVT.Dti.Validation
{
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
}
namespace BRVT.Dti.Scoring.Formulas
{
    public sealed record FormulaError(int Column, int Length, string Message);
    public sealed record FormulaLimits { public int MaxLength { get; init; } = 4096; public static FormulaLimits Default { get; } = new(); }
    public sealed record FormulaParseResult(Formula? Formula, IReadOnlyList<FormulaError> Errors) { public bool Success => Formula is not null; }
    public sealed class Formula
    {
        public static FormulaParseResult Parse(string text, FormulaLimits? limits = null) => new(new Formula { Text = text }, []);
        public string Text { get; private init; } = "";
        public IReadOnlyList<string> Variables { get; } = [];
        public double Evaluate(ReadOnlySpan<double> variables) => 0;
        public void Evaluate(IReadOnlyList<double[]> columns, Span<double> results) { }
    }
}
