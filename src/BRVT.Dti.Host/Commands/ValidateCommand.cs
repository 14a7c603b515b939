using System.CommandLine;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti validate</c>: checks index definition files and prints every problem with file, line, column and JSON pointer.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Index definition files (index.json) or folders that contain them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Validate index definitions against the schema and the semantic rules; print every problem with its location.") { files };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(token => RunAsync(parse.GetValue(files)!, token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, CancellationToken cancellationToken)
    {
        var engine = new DtiEngine();
        var paths = inputs.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "index.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]).ToList();
        var errors = 0;
        foreach (var path in paths)
        {
            var result = await engine.LoadDefinitionFileAsync(path, cancellationToken).ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                (problem.Severity == ProblemSeverity.Error ? Console.Error : Console.Out).WriteLine(problem);
            }

            errors += result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
            Console.WriteLine(result.Succeeded
                ? $"{path}: valid ({result.Definition!.Id} {result.Definition.Version}, {result.Problems.Count} warning(s))"
                : $"{path}: {result.Errors.Count()} error(s)");
        }

        return errors == 0 ? ExitCodes.Ok : ExitCodes.UserError;
    }
}
