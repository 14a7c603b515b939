namespace BRVT.Dti.Plugins;

/// <summary>
/// What loading a plugins folder gave: the plugins that loaded and, for each that did not, a
/// <see cref="PluginLoadException"/> naming the plugin, the assembly and the folder and saying how to fix it. One broken
/// plugin does not stop the others; the host decides whether to go on without it (<see cref="Failures"/>) or to stop
/// (<see cref="EnsureSuccess"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PluginLoadResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="loaded">The plugins that loaded, in the ordinal order of their names.</param>
    /// <param name="failures">Why the others did not, in the ordinal order of their names.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    public PluginLoadResult(IReadOnlyList<LoadedPlugin> loaded, IReadOnlyList<PluginLoadException> failures)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(failures);
        Loaded = [.. loaded];
        Failures = [.. failures];
    }

    /// <summary>The plugins that loaded (for <c>TryAddPluginsFrom</c>: that loaded and registered their services).</summary>
    public IReadOnlyList<LoadedPlugin> Loaded { get; }

    /// <summary>One exception per plugin that failed (never thrown by the loader; the host may log or throw them).</summary>
    public IReadOnlyList<PluginLoadException> Failures { get; }

    /// <summary>Whether every plugin loaded.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Returns the loaded plugins, or throws when any plugin failed.</summary>
    /// <returns><see cref="Loaded"/>.</returns>
    /// <exception cref="PluginLoadException">
    /// A plugin failed: the failure itself when there is one; otherwise an exception with the first failure's
    /// <see cref="PluginLoadException.Failure"/>, plugin, assembly and folder, a message listing every failure, and the
    /// first failure as its inner exception.
    /// </exception>
    public IReadOnlyList<LoadedPlugin> EnsureSuccess()
    {
        if (Failures.Count == 1)
        {
            throw Failures[0];
        }

        if (Failures.Count > 1)
        {
            var first = Failures[0];
            var message = $"{Failures.Count} plugins could not be loaded:" + Environment.NewLine +
                string.Join(Environment.NewLine, Failures.Select(f => "  - " + f.Message));
            throw new PluginLoadException(first.Failure, first.PluginName, first.AssemblyName, first.Folder, message, first);
        }

        return Loaded;
    }
}
