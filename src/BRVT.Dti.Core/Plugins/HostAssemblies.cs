using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace BRVT.Dti.Plugins;

/// <summary>
/// What the host offers plugins: the assemblies shared from the default load context (so that the types plugins and
/// host exchange are the same objects), the .NET framework, and the list of the host's own assemblies.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class HostAssemblies
{
    /// <summary>
    /// Shared when the host has them. Options exposes Primitives' types (<c>IChangeToken</c>), so sharing one without
    /// the other would bring back the type-identity trap; BRVT.Dti.Core is shared because plugins may use its builder
    /// extensions, aggregator and formula language, and the host always has it (the loader lives there).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultSharedNames =
    [
        "BRVT.Dti.Abstractions",
        "BRVT.Dti.Core",
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options",
        "Microsoft.Extensions.Primitives",
    ];

    private static readonly Lazy<TrustedPlatform> Platform = new(TrustedPlatform.Read);

    private readonly ConcurrentDictionary<string, Assembly?> shared = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> sharedNames;

    public HostAssemblies(IEnumerable<string> sharedNames)
    {
        this.sharedNames = new HashSet<string>(sharedNames, StringComparer.OrdinalIgnoreCase);
        SharingKey = string.Join(",", this.sharedNames.Order(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Identifies the sharing configuration (plugins loaded under another one are other instances).</summary>
    public string SharingKey { get; }

    /// <summary>The host's copy of a shared assembly, or <see langword="null"/> when the name is not shared or the host lacks it.</summary>
    public Assembly? Shared(string name) =>
        sharedNames.Contains(name) ? shared.GetOrAdd(name, LoadFromDefault) : null;

    /// <summary>Whether the name is a .NET framework assembly (resolved by the default context from the runtime's folder).</summary>
    public static bool IsFramework(string name) => Platform.Value.Framework.ContainsKey(name);

    /// <summary>The version of a framework assembly, or <see langword="null"/> when it is not one.</summary>
    public static Version? FrameworkVersion(string name) =>
        Platform.Value.Framework.TryGetValue(name, out var path) ? Platform.Value.VersionOf(path) : null;

    /// <summary>The path of the host's own (non-framework) assembly of this name, or <see langword="null"/>.</summary>
    public static string? HostAssemblyPath(string name) =>
        Platform.Value.Application.TryGetValue(name, out var path) ? path : null;

    private static Assembly? LoadFromDefault(string name)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null)
        {
            return loaded;
        }

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null; // the host does not have it: the plugin brings its own
        }
    }

    /// <summary>The default context's trusted platform assemblies, split into the framework's and the application's.</summary>
    private sealed class TrustedPlatform
    {
        private readonly ConcurrentDictionary<string, Version?> versions = new(StringComparer.Ordinal);

        private TrustedPlatform(Dictionary<string, string> framework, Dictionary<string, string> application)
        {
            Framework = framework;
            Application = application;
        }

        public Dictionary<string, string> Framework { get; }

        public Dictionary<string, string> Application { get; }

        public Version? VersionOf(string path) => versions.GetOrAdd(path, static p =>
        {
            try
            {
                return AssemblyName.GetAssemblyName(p).Version;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException)
            {
                return null;
            }
        });

        public static TrustedPlatform Read()
        {
            var framework = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var application = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;

            // …/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll → …/shared/: every shared framework lives there.
            // A self-contained or single-file host has no such folder: then every trusted assembly counts as framework.
            var coreLibFolder = Path.GetDirectoryName(typeof(object).Assembly.Location);
            var sharedRoot = string.IsNullOrEmpty(coreLibFolder) ? null : Path.GetDirectoryName(Path.GetDirectoryName(coreLibFolder));
            var selfContained = sharedRoot is null || !string.Equals(Path.GetFileName(sharedRoot), "shared", StringComparison.OrdinalIgnoreCase);
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var isFramework = selfContained || PluginPaths.IsInside(Path.GetFullPath(path), sharedRoot!);
                (isFramework ? framework : application).TryAdd(name, path);
            }

            return new TrustedPlatform(framework, application);
        }
    }
}
