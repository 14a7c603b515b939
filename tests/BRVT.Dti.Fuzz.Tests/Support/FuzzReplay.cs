using System.Globalization;
using FsCheck;

namespace BRVT.Dti.Fuzz.Tests.Support;

/// <summary>
/// Which cases a fuzz run tries. By default the same ones every run (FsCheck replays a fixed seed), so that the test
/// command, and CI with it, passes or fails on the code alone, never on the luck of the draw; those cases were run
/// beside many more random ones before they were fixed. To look for new failures, set <c>DTI_FUZZ_SEED=random</c>
/// (new cases each run) or a number (those cases), and raise the counts of the tests for a longer search.
/// </summary>
internal static class FuzzReplay
{
    /// <summary>The environment variable that chooses the cases: unset for the fixed ones, <c>random</c>, or a number.</summary>
    public const string Variable = "DTI_FUZZ_SEED";

    private const ulong FixedSeed = 20_261_123;

    // SplitMix64's gamma must be odd; this is the usual one (the golden ratio in 64 bits).
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>FsCheck's configuration for <paramref name="count"/> cases, throwing on failure, quiet on success.</summary>
    public static Config Configure(int count)
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);
        var chosen = Environment.GetEnvironmentVariable(Variable)?.Trim();
        if (string.Equals(chosen, "random", StringComparison.OrdinalIgnoreCase))
        {
            return config;
        }

        var seed = string.IsNullOrEmpty(chosen) ? FixedSeed
            : ulong.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
            : throw new InvalidOperationException($"{Variable}='{chosen}': write 'random', a whole number, or leave it unset for the fixed cases.");
        return config.WithReplay(seed, Gamma);
    }
}
