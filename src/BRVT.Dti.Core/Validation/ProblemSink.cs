namespace BRVT.Dti.Validation;

/// <summary>Collects problems found in one definition, locating each JSON pointer in the file when the text is known.</summary>
internal sealed class ProblemSink(string file, JsonLocationMap? locations)
{
    private readonly List<DefinitionProblem> problems = [];

    public IReadOnlyList<DefinitionProblem> Problems => problems;

    public bool HasErrors => problems.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(string pointer, string message) => Add(ProblemSeverity.Error, pointer, message);

    public void Warning(string pointer, string message) => Add(ProblemSeverity.Warning, pointer, message);

    public void AddRange(IEnumerable<DefinitionProblem> found) => problems.AddRange(found);

    public IReadOnlyList<DefinitionProblem> Sorted() =>
        [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Pointer, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal)];

    private void Add(ProblemSeverity severity, string pointer, string message)
    {
        var location = locations?.Locate(pointer);
        problems.Add(new DefinitionProblem(severity, file, location?.Line ?? 0, location?.Column ?? 0, pointer, message));
    }
}
