namespace BRVT.Dti.Plugins;

/// <summary>Why a plugin could not be loaded or registered; <see cref="PluginLoadException.Failure"/> carries it.</summary>
public enum PluginLoadFailure
{
    /// <summary>The configured plugins folder does not exist.</summary>
    FolderNotFound,

    /// <summary>A plugin folder, its assembly or one of its dependencies is a link leading outside the plugin's folder.</summary>
    OutsideFolder,

    /// <summary><c>plugins/&lt;Name&gt;/</c> holds no <c>&lt;Name&gt;.dll</c>.</summary>
    MissingAssembly,

    /// <summary>The plugin's assembly or its <c>.deps.json</c> cannot be read (not a .NET assembly, a corrupt file).</summary>
    InvalidAssembly,

    /// <summary>The host already references an assembly of this name; loading a second copy from the folder would make two incompatible types.</summary>
    AlreadyInHost,

    /// <summary>A dependency of the plugin is neither in its folder nor shared by the host, or is older than the plugin needs.</summary>
    MissingDependency,

    /// <summary>
    /// The plugin was built against a newer version of an assembly the host shares (the contracts,
    /// Microsoft.Extensions.DependencyInjection.Abstractions, Logging.Abstractions, Options, or .NET itself) than the host has.
    /// </summary>
    SharedVersionMismatch,

    /// <summary>The contracts (<c>BRVT.Dti.Abstractions.dll</c>) were loaded from the plugin's folder, so its <c>IDtiPlugin</c> is not the host's.</summary>
    ContractsCopied,

    /// <summary>The assembly has no public, non-abstract class implementing <see cref="IDtiPlugin"/>.</summary>
    NoEntryPoint,

    /// <summary>An <see cref="IDtiPlugin"/> class has no public parameterless constructor.</summary>
    NoParameterlessConstructor,

    /// <summary>The constructor of an <see cref="IDtiPlugin"/> class threw.</summary>
    ConstructorFailed,

    /// <summary><see cref="IDtiPlugin.Register"/> threw.</summary>
    RegisterFailed,
}
