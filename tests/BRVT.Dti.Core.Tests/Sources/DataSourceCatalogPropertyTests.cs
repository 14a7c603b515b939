using BRVT.Dti.Data;
using BRVT.Dti.Sources;
using FsCheck;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Sources;

/// <summary>Whatever the text of sources.json, the catalog reports located, sorted problems and never throws while validating.</summary>
public sealed class DataSourceCatalogPropertyTests
{
    private const string Valid = """
        {
          "$schema": "../indicators/schema/sources.schema.json",
          "sources": [
            { "name": "tự đánh giá", "type": "fixed", "path": "data/a.csv", "mapping": { "unit": "ma_dv", "value": "gia_tri" }, "options": { "separator": ";" } },
            { "name": "b", "type": "fixed", "stage": "verified", "period": "2023" }
          ]
        }
        """;

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "/*", "*/", "//", "\n", "\r\n", "1e999", "null", "true", "ế", "\uD83D", "\u0000",
        "\"name\": 1,", "\"type\": \"Csv\",", "\"path\": \"../x\",", "\"mapping\": [],", "\"soruces\": [],", "{}", "\"a\":1,\"a\":2",
    ];

    private static readonly DataSourceCatalog Catalog = new([new AnyFactory()]);

    [Property(MaxTest = 200)]
    public void Validate_ArbitraryString_NeverThrowsAndLocatesEveryProblem(string text) => AssertWellFormed(text);

    [Property(MaxTest = 200)]
    public void Validate_ValidFileWithTextInserted_NeverThrowsAndLocatesEveryProblem(NonNegativeInt position, NonNegativeInt fragment)
    {
        AssertWellFormed(Valid.Insert(position.Get % (Valid.Length + 1), Fragments[fragment.Get % Fragments.Length]));
    }

    [Property(MaxTest = 200)]
    public void Validate_ValidFileWithARangeDeleted_NeverThrowsAndLocatesEveryProblem(NonNegativeInt start, NonNegativeInt length)
    {
        var from = start.Get % Valid.Length;
        AssertWellFormed(Valid.Remove(from, Math.Min(length.Get % 40, Valid.Length - from)));
    }

    [Fact]
    public void Validate_TheValidFile_HasNoProblem() => Assert.Empty(Catalog.Validate(Valid, "sources.json", Path.GetTempPath()));

    private static void AssertWellFormed(string? text)
    {
        var problems = Catalog.Validate(text, "sources.json", Path.GetTempPath());

        var lines = (text ?? string.Empty).Split('\n');
        foreach (var problem in problems)
        {
            Assert.Equal("sources.json", problem.File);
            Assert.InRange(problem.Line, 1, lines.Length);
            Assert.InRange(problem.Column, 1, lines[problem.Line - 1].Length + 1);
            Assert.True(problem.Pointer.Length == 0 || problem.Pointer[0] == '/', problem.Pointer);
            Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        }

        Assert.Equal(problems.OrderBy(p => p.Line).ThenBy(p => p.Column), problems);
        if (problems.Any(p => p.Severity == BRVT.Dti.Validation.ProblemSeverity.Error))
        {
            Assert.Throws<DataSourceConfigurationException>(() => Catalog.Parse(text ?? string.Empty, "sources.json", Path.GetTempPath()));
        }
    }

    private sealed class AnyFactory : IDataSourceFactory
    {
        public string Type => "fixed";

        public IDataSource Create(DataSourceConfiguration configuration)
        {
            if (configuration.Settings.TryGetProperty("path", out var path) && path.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                configuration.ResolvePath(path.GetString()!, "path");
            }

            return new Empty(configuration.Name);
        }
    }

    private sealed class Empty(string name) : IDataSource
    {
        public string Name => name;

        public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new SourceReadResult([], new SourceAccount(name, 0, 0, [])));
    }
}
