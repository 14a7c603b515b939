namespace BRVT.Dti.Host.Tests;

/// <summary>
/// One run of <c>dti rank</c> with no arguments (the README's main command) in a fresh folder, shared by the tests
/// that check what it printed and wrote: the sample is ranked once, not once per test.
/// </summary>
public sealed class SampleRun : IAsyncLifetime
{
    public string Directory { get; } = DtiProcess.TempDirectory();

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    public string Reports => Path.Combine(Directory, "dti-out");

    public async Task InitializeAsync() => (ExitCode, Output, Error) = await DtiProcess.RunAsync(Directory, "rank");

    public Task DisposeAsync() => Task.CompletedTask;
}
