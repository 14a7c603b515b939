namespace BRVT.Dti.Validation;

/// <summary>A schema violation turned into a pointer and a sentence, before it is located in the text.</summary>
/// <param name="Pointer">The JSON pointer of the value concerned (or of a missing property).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="AtName">
/// Whether the problem is about a property itself (unknown, not allowed here) rather than its value, so that it is
/// located at the property's name.
/// </param>
/// <param name="IsRequired">Whether the problem is a missing property.</param>
internal sealed record SchemaProblem(string Pointer, string Message, bool AtName = false, bool IsRequired = false);
