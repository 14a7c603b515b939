namespace BRVT.Dti.Host.Running;

/// <summary>Shows long work as it happens: a spinner on a terminal, plain lines (or nothing) when output is redirected.</summary>
internal interface IProgressReporter
{
    Task<T> RunAsync<T>(string step, Func<Task<T>> work);

    void Note(string message);
}
