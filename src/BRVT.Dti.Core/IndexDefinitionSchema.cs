namespace BRVT.Dti;

/// <summary>The JSON Schema (draft-07) of index definitions, as embedded in this library.</summary>
/// <remarks>Thread-safe.</remarks>
public static class IndexDefinitionSchema
{
    private static readonly Lazy<string> Lazy = new(Load);

    /// <summary>The name of the embedded resource.</summary>
    public const string ResourceName = "BRVT.Dti.index-definition.schema.json";

    /// <summary>The schema's JSON text.</summary>
    public static string Text => Lazy.Value;

    private static string Load()
    {
        using var stream = typeof(IndexDefinitionSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(IndexDefinitionSchema).Assembly.GetName().Name}; the build is broken.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
