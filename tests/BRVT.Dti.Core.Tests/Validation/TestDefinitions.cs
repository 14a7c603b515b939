namespace BRVT.Dti.Tests.Validation;

/// <summary>Reads the definitions of TestData/definitions and derives broken variants of them.</summary>
internal static class TestDefinitions
{
    public const string ValidSmallFile = "valid-small.json";

    private static readonly Lazy<string> ValidSmallText = new(() => Read(ValidSmallFile));

    /// <summary>The text of TestData/definitions/valid-small.json.</summary>
    public static string ValidSmall => ValidSmallText.Value;

    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "definitions", name));

    /// <summary>Replaces the single occurrence of <paramref name="oldText"/> in valid-small.json.</summary>
    public static string ValidSmallWith(string oldText, string newText)
    {
        var text = ValidSmall;
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' is not in {ValidSmallFile}.");
        Assert.True(text.IndexOf(oldText, index + 1, StringComparison.Ordinal) < 0, $"'{oldText}' occurs more than once in {ValidSmallFile}.");
        return string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length));
    }

    /// <summary>Finds the repository root (the folder with BRVT.Dti.sln) above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BRVT.Dti.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with BRVT.Dti.sln) was not found above " + AppContext.BaseDirectory);
    }
}
