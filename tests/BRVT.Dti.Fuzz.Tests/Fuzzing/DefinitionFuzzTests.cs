using System.Diagnostics;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.TestUtilities;
using BRVT.Dti.Validation;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// Index definitions come from authors outside the evaluator's office: the shipped definitions, mutated, must load
/// into problems that say where (file, line, column, pointer), never into an exception or a hang.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class DefinitionFuzzTests(FuzzFigures figures, ITestOutputHelper output)
{
    private const int Cases = 1600;

    private static readonly string[] Shipped = [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "indicators"), "index.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly DtiEngine Engine = new();

    [Fact]
    public void LoadDefinition_MutatedShippedDefinitions_ReturnsLocatedProblemsAndNeverThrows()
    {
        Assert.True(Shipped.Length >= 5, "the shipped definitions are copied next to the tests");
        Assert.All(Shipped, json => Assert.True(Engine.LoadDefinition(json).Succeeded));
        var run = new FuzzRun("index definitions (mutated shipped index.json)");
        var watch = Stopwatch.StartNew();
        var gen = Gen.Choose(0, int.MaxValue).Select(seed => seed);
        run.Check(gen, Cases, Check);

        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(Cases, run.Cases);
        Assert.True(run.Outcomes.ContainsKey("rejected with located problems"), "the mutations reach the validator");
    }

    /// <summary>Seeds the fuzzing once failed on, kept so they stay fixed.</summary>
    [Theory]
    [InlineData(1027817264)]
    [InlineData(1233799328)]
    public void LoadDefinition_SeedThatOnceFailed_ReturnsLocatedProblems(int seed) => Check(seed);

    [Fact]
    public void LoadDefinition_NumberOverflowingADouble_IsAnErrorAtItsPointer()
    {
        var json = new System.Text.RegularExpressions.Regex("\"maxPoints\"\\s*:\\s*[0-9.]+", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)).Replace(Shipped[0], "\"maxPoints\": 1e375", 1);
        Assert.Contains("1e375", json, StringComparison.Ordinal);

        var result = Engine.LoadDefinition(json, "index.json");

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Errors);
        Assert.EndsWith("/maxPoints", problem.Pointer, StringComparison.Ordinal);
        Assert.True(problem.Line > 1, "the problem has the line of the number");
        Assert.Contains("too large", problem.Message, StringComparison.Ordinal);
    }

    private static string Check(int seed)
    {
        var random = new Random(seed);
        var bytes = JsonMutator.Mutate(Shipped[random.Next(Shipped.Length)], random);
        var result = Engine.LoadDefinition(bytes, "fuzz/index.json");
        if (result.Succeeded)
        {
            return "loaded";
        }

        var errors = result.Errors.ToList();
        Assert.True(errors.Count > 0, $"seed {seed}: the load failed without an error");
        Assert.All(result.Problems, p =>
        {
            Assert.Equal("fuzz/index.json", p.File);
            Assert.True(p.Line >= 1 && p.Column >= 1, $"seed {seed}: {p} has no line and column");
            Assert.NotNull(p.Pointer);
            Assert.False(string.IsNullOrWhiteSpace(p.Message), $"seed {seed}: a problem without a message");
        });
        return "rejected with located problems";
    }
}
