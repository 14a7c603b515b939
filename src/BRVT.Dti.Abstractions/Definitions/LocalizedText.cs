namespace BRVT.Dti.Definitions;

/// <summary>
/// A text in Vietnamese (the authoritative wording) with an optional English gloss.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Vi">The Vietnamese text, exactly as in the source decision.</param>
/// <param name="En">The English gloss, or <see langword="null"/> when none is given.</param>
public sealed record LocalizedText(string Vi, string? En = null)
{
    /// <summary>Returns the text in the requested language, falling back to Vietnamese.</summary>
    /// <param name="language">A two-letter language code such as <c>vi</c> or <c>en</c>.</param>
    /// <returns>The text in that language, or the Vietnamese text when no translation exists.</returns>
    public string In(string language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(En) ? En : Vi;

    /// <inheritdoc />
    public override string ToString() => Vi;
}
