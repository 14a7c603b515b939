using System.Globalization;

namespace BRVT.Dti.Validation;

/// <summary>A position in a JSON text: a 1-based line and a 1-based column counted in UTF-16 characters.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, in UTF-16 characters.</param>
internal readonly record struct JsonLocation(int Line, int Column)
{
    /// <summary>The start of a document.</summary>
    public static JsonLocation Start { get; } = new(1, 1);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Line},{Column})");
}
