namespace BRVT.Dti.Plugins.Tests;

/// <summary>
/// A temporary <c>plugins</c> folder holding copies of chosen test plugins, which the build published into
/// <c>&lt;test output&gt;/plugins/&lt;Name&gt;/</c> (target PublishTestPlugins). A copy has its own path, so each test loads
/// its plugins afresh.
/// </summary>
internal sealed class PluginsFolder : IDisposable
{
    public PluginsFolder(params string[] plugins)
    {
        Temp = Path.Combine(Path.GetTempPath(), "dti-plugins-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Temp, "plugins");
        Directory.CreateDirectory(Root);
        foreach (var plugin in plugins)
        {
            Add(plugin);
        }
    }

    /// <summary>The published test plugins.</summary>
    public static string Published => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>The temporary folder, parent of <see cref="Root"/>.</summary>
    public string Temp { get; }

    /// <summary>The plugins folder.</summary>
    public string Root { get; }

    public string this[string plugin] => Path.Combine(Root, plugin);

    /// <summary>Copies a published plugin into <c>plugins/&lt;as&gt;</c>.</summary>
    public string Add(string plugin, string? @as = null)
    {
        var source = Path.Combine(Published, plugin);
        Assert.True(File.Exists(Path.Combine(source, plugin + ".dll")), $"The test plugin {plugin} was not published into {source}; build the test project.");
        var target = Path.Combine(Root, @as ?? plugin);
        CopyFolder(source, target);
        return target;
    }

    public static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
            // a loaded plugin can keep its file open on some systems; the temp folder is cleaned by the system
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
