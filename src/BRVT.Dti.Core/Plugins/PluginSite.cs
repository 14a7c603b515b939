namespace BRVT.Dti.Plugins;

/// <summary>Where one plugin lives: its name, its real folder and the real path of its assembly.</summary>
/// <param name="Name">The folder's name, which is also the assembly's.</param>
/// <param name="Folder">The plugin's folder, with links resolved.</param>
/// <param name="MainPath">The real path of <c>&lt;Name&gt;.dll</c>.</param>
/// <param name="Display">The folder as users know it, e.g. <c>plugins/Csv</c>.</param>
internal sealed record PluginSite(string Name, string Folder, string MainPath, string Display)
{
    public string AssemblyFile => Path.GetFileName(MainPath);

    public static string DisplayOf(string root, string name) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) + "/" + name;
}
