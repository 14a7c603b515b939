namespace BRVT.Dti.Sources.Http.Settings;

/// <summary>
/// The checked <c>"auth"</c> settings: the name of the environment variable that holds the API token (the token itself
/// is never written in the configuration nor kept by the source), the header it goes in and its scheme.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed record AuthSettings
{
    private static readonly string[] Known = ["tokenVariable", "header", "scheme"];

    public required string TokenVariable { get; init; }

    public required string Header { get; init; }

    /// <summary>The scheme before the token (<c>Bearer</c>), or empty for the bare token.</summary>
    public required string Scheme { get; init; }

    public static AuthSettings? Parse(SettingsReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        reader.RejectUnknown(Known);
        var variable = reader.RequiredString("tokenVariable", "the name of the environment variable that holds the API token, e.g. \"DVC_API_TOKEN\" (the token itself never goes in this file).");
        if (!variable.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw reader.Error("tokenVariable", $"'{variable}' is not an environment variable name (letters, digits and _). Write the variable's name, not the token.");
        }

        var header = reader.OptionalString("header") ?? "Authorization";
        if (!HttpSourceSettings.IsHeaderName(header))
        {
            throw reader.Error("header", $"'{header}' is not a header name.");
        }

        var scheme = reader.OptionalText("scheme") ?? "Bearer";
        return new AuthSettings { TokenVariable = variable, Header = header, Scheme = scheme };
    }
}
