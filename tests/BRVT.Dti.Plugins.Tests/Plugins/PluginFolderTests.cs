namespace BRVT.Dti.Plugins.Tests.Plugins;

/// <summary>The loader reads only from the configured folder, and says what is wrong with a folder it cannot use.</summary>
public sealed class PluginFolderTests
{
    [Fact]
    public void LoadAll_FolderMissing_SaysWhichFolder()
    {
        using var folder = new PluginsFolder();
        var missing = Path.Combine(folder.Temp, "no-such-plugins");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(missing).LoadAll());

        Assert.Equal(PluginLoadFailure.FolderNotFound, exception.Failure);
        Assert.Equal(missing, exception.Folder);
        Assert.Contains($"The plugins folder {missing} does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_PluginFolderIsALinkOutside_IsRefused()
    {
        using var folder = new PluginsFolder();
        var outside = Path.Combine(folder.Temp, "elsewhere", "GoodPlugin");
        PluginsFolder.CopyFolder(Path.Combine(PluginsFolder.Published, "GoodPlugin"), outside);
        Directory.CreateSymbolicLink(folder["GoodPlugin"], outside);

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.OutsideFolder, exception.Failure);
        Assert.Equal("GoodPlugin", exception.PluginName);
        Assert.Contains($"{folder["GoodPlugin"]} is a link to {outside}, outside the plugins folder {folder.Root}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_PluginAssemblyIsALinkOutside_IsRefused()
    {
        using var folder = new PluginsFolder("GoodPlugin");
        var outside = Path.Combine(folder.Temp, "GoodPlugin.dll");
        File.Move(Path.Combine(folder["GoodPlugin"], "GoodPlugin.dll"), outside);
        File.CreateSymbolicLink(Path.Combine(folder["GoodPlugin"], "GoodPlugin.dll"), outside);

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.OutsideFolder, exception.Failure);
        Assert.Contains($"is a link to {outside}, outside the plugin's folder {folder["GoodPlugin"]}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_DependencyIsALinkOutside_IsRefused()
    {
        using var folder = new PluginsFolder("JsonPlugin");
        var outside = Path.Combine(folder.Temp, "Newtonsoft.Json.dll");
        File.Move(Path.Combine(folder["JsonPlugin"], "Newtonsoft.Json.dll"), outside);
        File.CreateSymbolicLink(Path.Combine(folder["JsonPlugin"], "Newtonsoft.Json.dll"), outside);

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.OutsideFolder, exception.Failure);
        Assert.Equal("Newtonsoft.Json", exception.AssemblyName);
        Assert.Contains($"a link to {outside} outside the plugin's folder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_LinksInsideTheFolder_AreFollowed()
    {
        // The plugins folder itself may be a link (e.g. /app/plugins → /srv/dti-plugins); so may a file pointing within the plugin's folder.
        using var folder = new PluginsFolder("JsonPlugin");
        var plugin = folder["JsonPlugin"];
        Directory.CreateDirectory(Path.Combine(plugin, "lib"));
        File.Move(Path.Combine(plugin, "Newtonsoft.Json.dll"), Path.Combine(plugin, "lib", "Newtonsoft.Json.dll"));
        File.CreateSymbolicLink(Path.Combine(plugin, "Newtonsoft.Json.dll"), Path.Combine(plugin, "lib", "Newtonsoft.Json.dll"));
        var alias = Path.Combine(folder.Temp, "alias");
        Directory.CreateSymbolicLink(alias, folder.Root);

        var loaded = Assert.Single(new PluginLoader(alias).LoadAll());

        Assert.Equal(plugin, loaded.Folder);
        Assert.StartsWith("json 13.0.1.", loaded.Plugins[0].Name, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_FolderWithoutItsAssembly_SaysWhatItHolds()
    {
        using var folder = new PluginsFolder();
        folder.Add("GoodPlugin", @as: "Good");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.MissingAssembly, exception.Failure);
        Assert.Equal("Good", exception.PluginName);
        Assert.Contains("Plugin folder plugins/Good (" + folder["Good"] + ") has no Good.dll (it holds GoodPlugin.dll)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadAll_NotAnAssembly_SaysToPublishAgain()
    {
        using var folder = new PluginsFolder();
        Directory.CreateDirectory(folder["Broken"]);
        File.WriteAllText(Path.Combine(folder["Broken"], "Broken.dll"), "not a PE file");

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.InvalidAssembly, exception.Failure);
        Assert.Contains("Broken.dll in " + folder["Broken"] + " cannot be read as a .NET assembly", exception.Message, StringComparison.Ordinal);
        Assert.IsType<BadImageFormatException>(exception.InnerException);
    }

    [Fact]
    public void LoadAll_AssemblyTheHostAlreadyReferences_IsRefused()
    {
        // The host references BRVT.Dti.TestUtilities; the same assembly in the folder would be a second, incompatible copy.
        using var folder = new PluginsFolder();
        Directory.CreateDirectory(folder["BRVT.Dti.TestUtilities"]);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "BRVT.Dti.TestUtilities.dll"), Path.Combine(folder["BRVT.Dti.TestUtilities"], "BRVT.Dti.TestUtilities.dll"));

        var exception = Assert.Throws<PluginLoadException>(() => new PluginLoader(folder.Root).LoadAll());

        Assert.Equal(PluginLoadFailure.AlreadyInHost, exception.Failure);
        Assert.Contains("the host already has an assembly named BRVT.Dti.TestUtilities", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not both", exception.Message, StringComparison.Ordinal);
    }
}
