using System.Reflection;

namespace BRVT.Dti.Plugins;

/// <summary>The loader's messages: each names the plugin, the assembly and the folder, and says how to fix the problem.</summary>
internal static class PluginMessages
{
    private const string ContractsFix =
        "reference the Abstractions project with Private=false / ExcludeAssets=runtime (a package reference: ExcludeAssets=runtime) so that publishing leaves it out";

    public static PluginLoadException FolderNotFound(string root) =>
        new(PluginLoadFailure.FolderNotFound, string.Empty, string.Empty, root,
            $"The plugins folder {root} does not exist. Create it and publish each plugin into a folder of its own name " +
            "(`dotnet publish -o plugins/<Name>`), or configure the folder that holds them.");

    public static PluginLoadException FolderOutside(string root, string name, string path, string real) =>
        new(PluginLoadFailure.OutsideFolder, name, name, path,
            $"Plugin '{name}': {path} is a link to {real}, outside the plugins folder {root}. Plugins are loaded only from " +
            $"inside the configured folder: copy the published plugin into {Path.Combine(root, name)} instead of linking to it.");

    public static PluginLoadException AssemblyOutside(PluginSite site, string path, string real) =>
        new(PluginLoadFailure.OutsideFolder, site.Name, site.Name, site.Folder,
            $"Plugin '{site.Name}': {path} is a link to {real}, outside the plugin's folder {site.Folder}. " +
            "Copy the file into the folder instead of linking to it.");

    public static string DependencyOutside(PluginSite site, string dependency, string path, string real) =>
        $"Plugin '{site.Name}': its dependency {dependency} resolves to {path}, a link to {real} outside the plugin's folder " +
        $"{site.Folder}. Copy the file into the folder instead of linking to it.";

    public static PluginLoadException MissingAssembly(string root, string name, string folder)
    {
        var found = Directory.EnumerateFiles(folder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var listed = found.Count == 0 ? "it holds no .dll file" : "it holds " + string.Join(", ", found);
        return new(PluginLoadFailure.MissingAssembly, name, name, folder,
            $"Plugin folder {PluginSite.DisplayOf(root, name)} ({folder}) has no {name}.dll ({listed}). A plugin is published into a folder " +
            $"named after its assembly: `dotnet publish -o {PluginSite.DisplayOf(root, "<AssemblyName>")}`; rename the folder to match, or remove it.");
    }

    public static PluginLoadException Invalid(PluginSite site, string path, Exception cause) =>
        new(PluginLoadFailure.InvalidAssembly, site.Name, Path.GetFileNameWithoutExtension(path), site.Folder,
            $"Plugin '{site.Name}': {Path.GetFileName(path)} in {site.Folder} cannot be read as a .NET assembly ({cause.Message}). " +
            $"Publish the plugin again into {site.Display}.", cause);

    public static PluginLoadException InvalidDeps(PluginSite site, Exception cause) =>
        new(PluginLoadFailure.InvalidAssembly, site.Name, site.Name, site.Folder,
            $"Plugin '{site.Name}': the dependency manifest {site.Name}.deps.json in {site.Folder} cannot be used ({cause.Message}). " +
            $"Publish the plugin again into {site.Display}; do not edit the .deps.json by hand.", cause);

    public static PluginLoadException AlreadyInHost(string root, string name, string folder, string hostPath) =>
        new(PluginLoadFailure.AlreadyInHost, name, name, folder,
            $"Plugin '{name}': the host already has an assembly named {name} ({hostPath}). Loading a second copy from {folder} would make " +
            "types of the same name that do not cast to each other. Use the plugin either as a package reference of the host or from " +
            $"the plugins folder, not both: remove {PluginSite.DisplayOf(root, name)} or the host's reference.");

    public static string MissingDependency(PluginSite site, string referencing, string dependency, Version wanted) =>
        $"Plugin '{site.Name}': {referencing} in {site.Folder} needs {dependency} {wanted}, which is not in the plugin's folder and is " +
        $"not shared by the host. Publish the plugin with `dotnet publish -o {site.Display}` so that its dependencies are copied next to it " +
        "(a build output alone lacks them), and copy the whole folder.";

    public static string DependencyTooOld(PluginSite site, string referencing, string dependency, Version wanted, Version found) =>
        $"Plugin '{site.Name}': {referencing} in {site.Folder} needs {dependency} {wanted}, but the folder holds {dependency}.dll {found}. " +
        $"Publish the plugin again into {site.Display} so that the folder holds the versions it was built against.";

    public static string SharedTooOld(PluginSite site, string referencing, string shared, Version wanted, Version hostVersion) =>
        $"Plugin '{site.Name}': {referencing} in {site.Folder} was built against {shared} {wanted}" +
        (wanted.Major > hostVersion.Major ? $", a newer major version ({wanted.Major} > {hostVersion.Major}) whose types may have changed incompatibly, " : ", ") +
        $"but the host shares {shared} {hostVersion} with its plugins, so the plugin's types would fail to load " +
        "(TypeLoadException, MissingMethodException) or would not be the host's (InvalidCastException). " +
        $"Build the plugin against {shared} {hostVersion.ToString(2)} or lower (the minimum shared versions are in docs/plugins.md), " +
        $"or upgrade the host to {shared} {wanted.ToString(2)}.";

    public static string FrameworkTooOld(PluginSite site, string referencing, string framework, Version wanted, Version hostVersion) =>
        $"Plugin '{site.Name}': {referencing} in {site.Folder} was built for a newer .NET: it references {framework} {wanted}, " +
        $"the host runs on {framework} {hostVersion} (.NET {Environment.Version}). Target the host's .NET (net{Environment.Version.ToString(2)}) in the plugin's project, or upgrade the host.";

    public static string SharedCopyWarning(PluginSite site, string shared) =>
        shared.Equals("BRVT.Dti.Abstractions", StringComparison.OrdinalIgnoreCase)
            ? $"Plugin '{site.Name}': remove BRVT.Dti.Abstractions.dll from {site.Display} ({site.Folder}); {ContractsFix}. " +
              "The loader ignores this copy and gives the plugin the host's contracts, so it still works."
            : $"Plugin '{site.Name}': remove {shared}.dll from {site.Display} ({site.Folder}); the host shares its own {shared} and " +
              "this copy is ignored. It comes with the contracts' dependencies: Private=false on a project reference to the " +
              $"Abstractions leaves it out; with a package reference, also reference {shared} with ExcludeAssets=runtime.";

    public static PluginLoadException ContractsCopied(PluginSite site, Type foreignContract) =>
        new(PluginLoadFailure.ContractsCopied, site.Name, "BRVT.Dti.Abstractions", site.Folder,
            $"Plugin '{site.Name}': {site.AssemblyFile} implements an IDtiPlugin loaded from {foreignContract.Assembly.Location}, not the " +
            $"host's BRVT.Dti.Abstractions, so the host cannot use it (InvalidCastException). Remove BRVT.Dti.Abstractions.dll from " +
            $"{site.Display}; {ContractsFix}.");

    public static PluginLoadException NoEntryPoint(PluginSite site, IReadOnlyList<Type> types, IReadOnlyList<Type> hidden)
    {
        var listed = types.Count == 0
            ? "It has no public type at all."
            : "Public types found: " + string.Join(", ", types.Take(20).Select(Describe)) + (types.Count > 20 ? $" and {types.Count - 20} more." : ".");
        var notPublic = hidden.Count == 0
            ? string.Empty
            : " " + string.Join(", ", hidden.Select(t => t.FullName)) + " implement IDtiPlugin but are not public: make them public.";
        return new(PluginLoadFailure.NoEntryPoint, site.Name, site.Name, site.Folder,
            $"Plugin '{site.Name}': {site.AssemblyFile} in {site.Folder} has no public, non-abstract class implementing " +
            $"BRVT.Dti.Plugins.IDtiPlugin, so nothing would be registered. {listed}{notPublic} Add a public sealed class that " +
            "implements IDtiPlugin and registers the plugin's rules and sources in Register.");
    }

    public static PluginLoadException NoParameterlessConstructor(PluginSite site, Type type) =>
        new(PluginLoadFailure.NoParameterlessConstructor, site.Name, site.Name, site.Folder,
            $"Plugin '{site.Name}': {type.FullName} in {site.AssemblyFile} ({site.Folder}) implements IDtiPlugin but has no public " +
            $"parameterless constructor; the loader creates plugins with `new {type.Name}()`. Add one, and read settings in " +
            "Register or from the services it registers instead of the constructor.");

    public static PluginLoadException ConstructorFailed(PluginSite site, Type type, Exception cause) =>
        new(PluginLoadFailure.ConstructorFailed, site.Name, site.Name, site.Folder,
            $"Plugin '{site.Name}': the constructor of {type.FullName} in {site.AssemblyFile} ({site.Folder}) threw " +
            $"{cause.GetType().Name}: {cause.Message} Fix the plugin (a plugin's constructor should do no work) or remove its folder.", cause);

    public static PluginLoadException RegisterFailed(LoadedPlugin loaded, IDtiPlugin plugin, Exception cause)
    {
        var hint = cause is TypeLoadException or MissingMemberException or FileLoadException or FileNotFoundException
            ? " This kind of error usually means the plugin was built against other versions of shared assemblies than the host's " +
              $"({HostVersions(loaded)}): build the plugin against those versions or lower."
            : string.Empty;
        return new(PluginLoadFailure.RegisterFailed, loaded.Name, loaded.Name, loaded.Folder,
            $"Plugin '{loaded.Name}' ({plugin.GetType().FullName} in {loaded.Name}.dll, {loaded.Folder}) failed while registering its " +
            $"services: {cause.GetType().Name}: {cause.Message}{hint} The service collection was left as it was; fix the plugin's " +
            "Register or remove its folder.", cause);
    }

    public static PluginLoadException LoadFailed(PluginSite site, Exception cause)
    {
        var inner = cause is FileNotFoundException { InnerException: FileNotFoundException ours } ? ours : cause;
        var missing = (inner as FileNotFoundException)?.FileName ?? (inner as FileLoadException)?.FileName;
        var assembly = missing is null ? site.Name : new AssemblyName(missing).Name ?? site.Name;
        var failure = inner is FileNotFoundException ? PluginLoadFailure.MissingDependency : PluginLoadFailure.InvalidAssembly;
        return new(failure, site.Name, assembly, site.Folder,
            $"Plugin '{site.Name}': loading {site.AssemblyFile} from {site.Folder} failed: {inner.GetType().Name}: {inner.Message} " +
            $"Publish the plugin again with `dotnet publish -o {site.Display}` and copy the whole folder.", cause);
    }

    private static string HostVersions(LoadedPlugin loaded)
    {
        var shared = loaded.Assembly.GetReferencedAssemblies()
            .Where(r => r.Name is not null && HostAssemblies.DefaultSharedNames.Contains(r.Name, StringComparer.OrdinalIgnoreCase))
            .Select(r =>
            {
                var host = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, r.Name, StringComparison.OrdinalIgnoreCase));
                return $"{r.Name}: plugin {r.Version}, host {host?.GetName().Version?.ToString() ?? "none"}";
            });
        return string.Join("; ", shared);
    }

    private static string Describe(Type type)
    {
        var contracts = type.GetInterfaces().Where(i => i.Namespace?.StartsWith("BRVT.Dti", StringComparison.Ordinal) == true).Select(i => i.Name).ToList();
        return contracts.Count == 0 ? type.FullName! : $"{type.FullName} ({string.Join(", ", contracts)})";
    }
}
