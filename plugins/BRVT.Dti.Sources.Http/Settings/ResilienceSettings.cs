namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>
/// The checked <c>"resilience"</c> settings, applied to the standard resilience pipeline of
/// Microsoft.Extensions.Http.Resilience: attempts (the first and the retries, with exponential backoff and jitter),
/// the timeout of one attempt and the timeout of a whole request with its retries.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record ResilienceSettings
{
    public static readonly ResilienceSettings Default = new();

    private static readonly string[] Known = ["attempts", "attemptTimeoutSeconds", "totalTimeoutSeconds", "retryDelaySeconds"];

    /// <summary>Attempts per request, the first included (the standard handler's 3 retries + 1).</summary>
    public int Attempts { get; init; } = 4;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The base delay of the exponential backoff (2 s, then about 4 s, 8 s…, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public static ResilienceSettings Parse(SettingsReader? reader)
    {
        if (reader is null)
        {
            return Default;
        }

        reader.RejectUnknown(Known);
        var settings = new ResilienceSettings
        {
            Attempts = (int)reader.OptionalInteger("attempts", Default.Attempts, 1, 10),
            AttemptTimeout = reader.OptionalSeconds("attemptTimeoutSeconds", Default.AttemptTimeout.TotalSeconds, 0.01, 600),
            TotalTimeout = reader.OptionalSeconds("totalTimeoutSeconds", Default.TotalTimeout.TotalSeconds, 0.01, 3600),
            RetryDelay = reader.OptionalSeconds("retryDelaySeconds", Default.RetryDelay.TotalSeconds, 0, 60),
        };
        if (settings.TotalTimeout <= settings.AttemptTimeout)
        {
            throw reader.Error("totalTimeoutSeconds",
                "\"totalTimeoutSeconds\" (one request with all its attempts) must be longer than \"attemptTimeoutSeconds\" (one attempt), as the standard resilience handler requires.");
        }

        return settings;
    }
}
