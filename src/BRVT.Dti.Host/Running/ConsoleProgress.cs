using System.Diagnostics;
using System.Globalization;
using BRVT.Dti.Host.Commands;
using Spectre.Console;

namespace BRVT.Dti.Host.Running;

/// <summary>
/// Progress on the console with Spectre.Console: a spinner per step on an interactive terminal; when output is
/// redirected (a file, a pipe, CI) only a short line per finished step, on standard error so reports stay clean.
/// </summary>
internal sealed class ConsoleProgress(bool quiet) : IProgressReporter
{
    private readonly bool interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public async Task<T> RunAsync<T>(string step, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        T result;
        if (interactive && !quiet)
        {
            result = await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(CommandRunner.Escape(step) + "…", _ => work()).ConfigureAwait(false);
        }
        else
        {
            result = await work().ConfigureAwait(false);
        }

        if (!quiet)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"✓ {step} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        }

        return result;
    }

    public void Note(string message)
    {
        if (!quiet)
        {
            Console.Error.WriteLine(message);
        }
    }
}
