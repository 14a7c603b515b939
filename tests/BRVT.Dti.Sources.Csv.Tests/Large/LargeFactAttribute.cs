namespace BRVT.Dti.Sources.Csv.Tests.Large;

/// <summary>A fact that runs only when <c>DTI_LARGE_TESTS=1</c>: large files are not part of the default test run.</summary>
public sealed class LargeFactAttribute : FactAttribute
{
    public LargeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DTI_LARGE_TESTS") != "1")
        {
            Skip = "A large-file test: set DTI_LARGE_TESTS=1 to run it (dotnet test --filter Category=Large).";
        }
    }
}
