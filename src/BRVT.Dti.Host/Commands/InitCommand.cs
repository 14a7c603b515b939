using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BRVT.Dti.Host.Running;
using BRVT.Dti.Host.Samples;
using BRVT.Dti.Host.Workspaces;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// <c>dti init FOLDER</c>: a new workspace from the bundled template (the province's units, indices and source
/// settings), with its sample data generated, ready to run and to edit: replace the data files with the real ones.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The new workspace's folder (created; must be empty if it exists)." };
        var noData = new Option<bool>("--no-data") { Description = "Do not generate the sample data; bring your own files." };
        var command = new Command("init", "Create a new workspace from the bundled Bà Rịa - Vũng Tàu template.") { folder, noData };
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(token => RunAsync(parse.GetValue(folder)!, parse.GetValue(noData), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string folder, bool noData, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(folder);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            Console.Error.WriteLine($"error: {target} exists and is not an empty folder. Choose a new folder name.");
            return ExitCodes.UserError;
        }

        var template = WorkspaceOptions.SampleWorkspace;
        var generated = new[] { SampleDataGenerator.DossierFile, SampleDataGenerator.StampFile };
        foreach (var file in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (generated.Contains(relative, StringComparer.Ordinal) || top.All(char.IsAsciiDigit) || relative.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue; // generated data of the bundled copy
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        if (noData)
        {
            // Without data the workspace is not a sample any more: drop the generator so nothing is made behind the user's back.
            var settings = Path.Combine(target, WorkspaceLoader.SettingsFile);
            var json = JsonNode.Parse(await File.ReadAllTextAsync(settings, cancellationToken).ConfigureAwait(false))!.AsObject();
            json.Remove("sample");
            await File.WriteAllTextAsync(settings, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var session = await Session.OpenAsync(target, new ConsoleProgress(quiet: false), cancellationToken).ConfigureAwait(false);
        }

        AnsiConsole.MarkupLine($"Created the workspace [bold]{CommandRunner.Escape(target)}[/].");
        AnsiConsole.MarkupLine($"Next: [bold]dti rank -w {CommandRunner.Escape(folder)}[/]; edit workspace.json, units.csv and the sources-*.json files to use your own data.");
        return ExitCodes.Ok;
    }
}
