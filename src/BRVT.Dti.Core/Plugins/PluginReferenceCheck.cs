using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace BRVT.Dti.Plugins;

/// <summary>
/// Before anything is loaded, walks the assembly references of the plugin and of its dependencies in its folder (read
/// from metadata, nothing loaded) and finds what would otherwise fail later as a TypeLoadException, FileLoadException or
/// FileNotFoundException far from its cause: a dependency missing from the folder, a shared assembly or .NET itself
/// older than the plugin was built against, a dependency older than the plugin needs, a link leading outside the folder.
/// </summary>
internal static class PluginReferenceCheck
{
    public static void Run(PluginSite site, AssemblyDependencyResolver resolver, HostAssemblies host)
    {
        var problems = new List<(PluginLoadFailure Failure, string Assembly, string Message)>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { site.MainPath };
        var pending = new Queue<string>([site.MainPath]);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            var referencing = Path.GetFileName(path);
            foreach (var reference in ReadReferences(site, path))
            {
                var name = reference.Name!;
                var wanted = reference.Version ?? new Version(0, 0, 0, 0);
                if (host.Shared(name) is { } shared)
                {
                    var hostVersion = shared.GetName().Version ?? new Version(0, 0, 0, 0);
                    if (wanted > hostVersion)
                    {
                        problems.Add((PluginLoadFailure.SharedVersionMismatch, name, PluginMessages.SharedTooOld(site, referencing, name, wanted, hostVersion)));
                    }

                    continue;
                }

                if (!string.IsNullOrEmpty(reference.CultureName))
                {
                    continue;
                }

                if (resolver.ResolveAssemblyToPath(reference) is { } resolved)
                {
                    var real = PluginPaths.RealPath(resolved);
                    if (!PluginPaths.IsInside(real, site.Folder))
                    {
                        problems.Add((PluginLoadFailure.OutsideFolder, name, PluginMessages.DependencyOutside(site, name, resolved, real)));
                        continue;
                    }

                    var found = ReadName(site, real).Version ?? new Version(0, 0, 0, 0);
                    if (found < wanted)
                    {
                        problems.Add((PluginLoadFailure.MissingDependency, name, PluginMessages.DependencyTooOld(site, referencing, name, wanted, found)));
                    }
                    else if (visited.Add(real))
                    {
                        pending.Enqueue(real);
                    }

                    continue;
                }

                if (HostAssemblies.FrameworkVersion(name) is { } frameworkVersion)
                {
                    if (wanted > frameworkVersion)
                    {
                        problems.Add((PluginLoadFailure.SharedVersionMismatch, name, PluginMessages.FrameworkTooOld(site, referencing, name, wanted, frameworkVersion)));
                    }

                    continue;
                }

                if (!HostAssemblies.IsFramework(name))
                {
                    problems.Add((PluginLoadFailure.MissingDependency, name, PluginMessages.MissingDependency(site, referencing, name, wanted)));
                }
            }
        }

        if (problems.Count > 0)
        {
            var first = problems[0];
            var message = problems.Count == 1
                ? first.Message
                : $"Plugin '{site.Name}' cannot be loaded from {site.Folder}, for {problems.Count} reasons:{Environment.NewLine}" +
                  string.Join(Environment.NewLine, problems.Select(p => "  - " + p.Message));
            throw new PluginLoadException(first.Failure, site.Name, first.Assembly, site.Folder, message);
        }
    }

    /// <summary>The name of an assembly file, read from its metadata.</summary>
    public static AssemblyName ReadName(PluginSite site, string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            throw PluginMessages.Invalid(site, path, e);
        }
    }

    private static List<AssemblyName> ReadReferences(PluginSite site, string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException("The file has no .NET metadata.", path);
            }

            var metadata = pe.GetMetadataReader();
            var references = new List<AssemblyName>(metadata.AssemblyReferences.Count);
            foreach (var handle in metadata.AssemblyReferences)
            {
                references.Add(metadata.GetAssemblyReference(handle).GetAssemblyName());
            }

            return references;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw PluginMessages.Invalid(site, path, e);
        }
    }
}
