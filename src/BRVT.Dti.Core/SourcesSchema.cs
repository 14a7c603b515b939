namespace BRVT.Dti;

/// <summary>
/// The JSON Schema (draft-07) of a workspace's <c>sources.json</c>, as embedded in this library (the file is
/// <c>indicators/schema/sources.schema.json</c>). It checks the settings every source shares; each source type's factory
/// checks its own.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class SourcesSchema
{
    private static readonly Lazy<string> Lazy = new(Load);

    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "BRVT.Dti.sources.schema.json";

    /// <summary>The schema's JSON text.</summary>
    public static string Text => Lazy.Value;

    private static string Load()
    {
        using var stream = typeof(SourcesSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(SourcesSchema).Assembly.GetName().Name}; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
