using System.Diagnostics;

namespace BRVT.Dti.Reporting.Tests.Html;

/// <summary>Runs the real headless Chromium of the machine (Debian's <c>chromium</c>) on a local file.</summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static void EnsureInstalled() =>
        Assert.True(File.Exists(Executable), $"Headless Chromium is missing at {Executable}: install it with 'apt-get install chromium' (.ci/run does this).");

    /// <summary>The DOM after the page loaded and its scripts ran, serialised as HTML.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        var (output, error, exit) = await RunAsync(["--dump-dom", new Uri(htmlFile).AbsoluteUri]);
        Assert.True(exit == 0 && output.Length > 0, $"chromium --dump-dom exited with {exit}:\n{error}");
        return output;
    }

    /// <summary>Takes a screenshot of the page at a window size.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string pngFile, int width, int height)
    {
        File.Delete(pngFile);
        var (_, error, exit) = await RunAsync([$"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri]);
        Assert.True(exit == 0 && File.Exists(pngFile), $"chromium --screenshot exited with {exit}:\n{error}");
    }

    private static async Task<(string Output, string Error, int Exit)> RunAsync(IEnumerable<string> arguments)
    {
        EnsureInstalled();
        var profile = Directory.CreateTempSubdirectory("dti-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile}",
            ])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s: {await error}");
            }

            return (await output, await error, process.ExitCode);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
