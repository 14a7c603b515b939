namespace BRVT.Dti.Host.Samples;

/// <summary>
/// A small deterministic random generator (SplitMix64) seeded from text, so the sample's synthetic data is the same on
/// every machine and every .NET version: a unit's numbers depend only on its id, the period and the measure.
/// </summary>
internal sealed class SampleRandom
{
    private ulong state;

    public SampleRandom(params string[] seedParts)
    {
        // FNV-1a over the parts, separated by a byte that cannot occur in UTF-16 text.
        var hash = 14695981039346656037UL;
        foreach (var part in seedParts)
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0xFFFF) * 1099511628211UL;
        }

        state = hash;
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [min, max].</summary>
    public int Between(int min, int max) => min + (int)(NextDouble() * (max - min + 1));

    /// <summary>A double in [min, max).</summary>
    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately normal deviate (sum of uniforms), mean 0 and the given spread.</summary>
    public double Noise(double spread) => (NextDouble() + NextDouble() + NextDouble() - 1.5) * 2 * spread;

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
