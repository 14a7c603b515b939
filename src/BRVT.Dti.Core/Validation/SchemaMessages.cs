using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace BRVT.Dti.Validation;

/// <summary>
/// Turns one NJsonSchema <see cref="ValidationError"/> (not a <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c> wrapper) into a
/// <see cref="SchemaProblem"/>: the JSON pointer of the offending value and a sentence that says what is wrong and how
/// to fix it.
/// </summary>
/// <remarks>
/// Object kinds in sentences come from the <c>title</c> of the schema (<c>node</c>, <c>ratio rule</c>…); messages for
/// patterns come from the schema's <c>patternErrorMessage</c>, and messages for <c>not</c> from its <c>x-message</c>.
/// </remarks>
internal static class SchemaMessages
{
    /// <summary>The schema keyword with the message for a failed <c>not</c> or an ambiguous <c>oneOf</c>.</summary>
    public const string MessageKeyword = "x-message";

    /// <summary>The schema keyword that names the property whose value selects a <c>oneOf</c> branch.</summary>
    public const string DiscriminatorKeyword = "x-discriminator";

    /// <summary>The schema keyword (also read by editors) that says a pattern in words.</summary>
    public const string PatternMessageKeyword = "patternErrorMessage";

    private const int MaxShownLength = 60;

    /// <summary>Describes a leaf validation error.</summary>
    /// <param name="error">The error.</param>
    /// <param name="hint">A sentence appended to a missing-property message (the alternatives of the enclosing <c>oneOf</c>), or <see langword="null"/>.</param>
    public static SchemaProblem Describe(ValidationError error, string? hint)
    {
        var token = error.Token;
        var schema = error.Schema;
        var pointer = token is null ? SchemaPathConverter.ToPointer(error.Path) : PointerOf(token);
        var subject = Subject(token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => Required(error, pointer, hint),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => NotAllowed(error),
            ValidationErrorKind.ExcludedSchemaValidates => Excluded(error, pointer, subject),
            ValidationErrorKind.StringExpected => new(pointer, Invariant(
                $"{subject} must be a string in double quotes, but is {KindAndValue(token)}. Write it as {QuotedExample(token)}.")),
            ValidationErrorKind.NumberExpected => new(pointer, NumberExpected(subject, token)),
            ValidationErrorKind.IntegerExpected => new(pointer, Invariant(
                $"{subject} must be a whole number, but is {KindAndValue(token)}. Write an integer without decimals or quotes, e.g. 2024.")),
            ValidationErrorKind.BooleanExpected => new(pointer, Invariant(
                $"{subject} must be true or false (without quotes), but is {KindAndValue(token)}.")),
            ValidationErrorKind.ObjectExpected => new(pointer, Invariant(
                $"{subject} must be an object {{ … }}, but is {KindAndValue(token)}. Write it as {{ \"property\": value, … }}{TitleHint(schema)}.")),
            ValidationErrorKind.ArrayExpected => new(pointer, Invariant(
                $"{subject} must be an array [ … ], but is {KindAndValue(token)}. Put the value(s) in square brackets, e.g. [ {Shown(token)} ].")),
            ValidationErrorKind.NullExpected => new(pointer, Invariant($"{subject} must be null, but is {KindAndValue(token)}.")),
            ValidationErrorKind.NotInEnumeration => new(pointer, NotInEnumeration(subject, token, schema)),
            ValidationErrorKind.PatternMismatch => new(pointer, PatternMismatch(subject, token, schema)),
            ValidationErrorKind.StringTooShort => new(pointer, schema.MinLength <= 1
                ? Invariant($"{subject} must not be empty. Write a value or remove the property.")
                : Invariant($"{subject} must have at least {schema.MinLength} characters, but has {StringLength(token)}.")),
            ValidationErrorKind.StringTooLong => new(pointer, Invariant(
                $"{subject} has {StringLength(token)} characters, more than the {schema.MaxLength} allowed. Shorten it.")),
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => new(pointer, OutOfRange(subject, token, schema, error.Kind)),
            ValidationErrorKind.TooFewItems => new(pointer, schema.MinItems <= 1
                ? Invariant($"{subject} must have at least one item, but is empty. Add one, or remove the property if it is optional.")
                : Invariant($"{subject} must have at least {schema.MinItems} items, but has {(token as JArray)?.Count ?? 0}. Add the missing items.")),
            ValidationErrorKind.TooManyItems => new(pointer, Invariant(
                $"{subject} may have at most {schema.MaxItems} items, but has {(token as JArray)?.Count ?? 0}. Remove some.")),
            ValidationErrorKind.ItemsNotUnique => NotUnique(subject, pointer, token),
            ValidationErrorKind.TooFewProperties => new(pointer, Invariant(
                $"{subject} must have at least {schema.MinProperties} properties.")),
            ValidationErrorKind.TooManyProperties => new(pointer, Invariant(
                $"{subject} may have at most {schema.MaxProperties} properties.")),
            _ => new(pointer, Invariant(
                $"{subject} does not match the schema ({error.Kind}){TitleHint(schema)}. Check it against docs/definition-format.md.")),
        };
    }

    /// <summary>Describes a value whose JSON type none of the alternatives of a <c>oneOf</c>/<c>anyOf</c> accepts.</summary>
    public static SchemaProblem WrongType(JToken? token, IEnumerable<JsonSchema> alternatives, string? ownerMessage)
    {
        var expected = alternatives
            .Select(a => a.ActualSchema.Type)
            .SelectMany(TypeNames)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var pointer = token is null ? JsonPointer.Root : PointerOf(token);
        var message = Invariant($"{Subject(token)} must be {JoinOr(expected)}, but is {KindAndValue(token)}.");
        return new SchemaProblem(pointer, ownerMessage is null ? message : message + " " + ownerMessage);
    }

    /// <summary>Describes a value that matches more than one alternative, or whose alternatives cannot be told apart.</summary>
    public static SchemaProblem Ambiguous(JToken? token, string? ownerMessage)
    {
        var pointer = token is null ? JsonPointer.Root : PointerOf(token);
        return new SchemaProblem(pointer, ownerMessage
            ?? Invariant($"{Subject(token)} does not match exactly one of the allowed forms. Check it against docs/definition-format.md."));
    }

    /// <summary>Reads a string-valued extension keyword of a schema (such as <c>x-message</c>).</summary>
    public static string? Keyword(JsonSchema? schema, string keyword)
    {
        if (schema?.ExtensionData is { } data && data.TryGetValue(keyword, out var value))
        {
            var text = value switch
            {
                null => null,
                string s => s,
                JValue { Value: string s } => s,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        return null;
    }

    /// <summary>Returns the RFC 6901 pointer of a token (of the property's value for a <see cref="JProperty"/>).</summary>
    public static string PointerOf(JToken token)
    {
        var segments = new List<string>();
        JToken? current = token;
        if (current is JProperty property)
        {
            segments.Add(property.Name);
            current = property.Parent;
        }

        while (current?.Parent is { } parent)
        {
            switch (parent)
            {
                case JProperty p:
                    segments.Add(p.Name);
                    current = p.Parent;
                    break;
                case JArray array:
                    segments.Add(array.IndexOf(current).ToString(CultureInfo.InvariantCulture));
                    current = array;
                    break;
                default:
                    current = parent;
                    break;
            }
        }

        segments.Reverse();
        return JsonPointer.FromSegments(segments);
    }

    /// <summary>Returns the noun phrase, with its indefinite article, of the kind of object a schema describes (<c>a node</c>).</summary>
    public static string KindOfObject(JsonSchema? schema)
    {
        var title = Title(schema);
        return title is null ? "this object" : WithArticle(title);
    }

    private static SchemaProblem Required(ValidationError error, string pointer, string? hint)
    {
        var name = error.Property ?? JsonPointer.LastSegment(pointer) ?? "?";
        var objectPointer = error.Token is null ? JsonPointer.Parent(pointer) ?? JsonPointer.Root : PointerOf(error.Token);
        var propertyPointer = JsonPointer.Append(objectPointer, name);
        var owner = error.Schema;
        JsonSchema? propertySchema = null;
        if (owner.Properties.TryGetValue(name, out var property))
        {
            propertySchema = property.ActualSchema;
        }

        var message = Invariant($"{Capitalize(KindOfObject(owner))} needs '{name}'. Add \"{name}\": {Example(propertySchema)}.");
        if (hint is not null)
        {
            message += " " + hint;
        }

        return new SchemaProblem(propertyPointer, message, IsRequired: true);
    }

    private static SchemaProblem NotAllowed(ValidationError error)
    {
        var name = error.Property ?? "?";
        var pointer = error.Token is null ? SchemaPathConverter.ToPointer(error.Path) : PointerOf(error.Token);
        var allowed = error.Schema.Properties.Keys.ToList();
        var suggestion = Suggest(name, allowed);
        var message = Invariant($"Property '{name}' is not part of {KindOfObject(error.Schema)}. ");
        if (suggestion is not null)
        {
            message += Invariant($"Did you mean '{suggestion}'? ");
        }

        message += Invariant($"Remove it or check its spelling (allowed: {string.Join(", ", allowed)}).");
        return new SchemaProblem(pointer, message, AtName: true);
    }

    private static SchemaProblem Excluded(ValidationError error, string pointer, string subject)
    {
        var message = Keyword(error.Schema, MessageKeyword)
            ?? Invariant($"{subject} has a combination of properties that is not allowed here. Check it against docs/definition-format.md.");

        // "not": { "required": ["weight"] } is about one property: point at it.
        var not = error.Schema.Not?.ActualSchema;
        if (not is not null && error.Token is JObject obj && not.RequiredProperties.Count == 1
            && not.AnyOf.Count == 0 && not.OneOf.Count == 0 && not.AllOf.Count == 0)
        {
            var name = not.RequiredProperties.First();
            if (obj.ContainsKey(name))
            {
                return new SchemaProblem(JsonPointer.Append(pointer, name), message, AtName: true);
            }
        }

        return new SchemaProblem(pointer, message);
    }

    private static string NumberExpected(string subject, JToken? token)
    {
        var message = Invariant($"{subject} must be a number, but is {KindAndValue(token)}.");
        if (token?.Type == JTokenType.String)
        {
            var text = ((string?)token)?.Trim() ?? string.Empty;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return message + Invariant($" Remove the quotes: {text}.");
            }

            var dotted = text.Replace(',', '.');
            if (text.Count(c => c == ',') == 1 && double.TryParse(dotted, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return message + Invariant($" Write it without quotes and with a '.' as the decimal separator: {dotted}.");
            }
        }

        return message + " Write a number without quotes, with a '.' as the decimal separator (e.g. 0.5).";
    }

    private static string NotInEnumeration(string subject, JToken? token, JsonSchema schema)
    {
        var values = schema.Enumeration.Select(v => v is null ? "null" : JsonConvert.SerializeObject(v)).ToList();
        var message = Invariant($"{subject} must be {(values.Count == 1 ? values[0] : "one of " + string.Join(", ", values))}, but is {Shown(token)}.");
        if (token?.Type == JTokenType.String)
        {
            var actual = (string?)token ?? string.Empty;
            var candidates = schema.Enumeration.OfType<string>().ToList();
            var suggestion = Suggest(actual, candidates);
            if (suggestion is not null)
            {
                return message + Invariant($" Did you mean \"{suggestion}\"? Values are case-sensitive.");
            }
        }

        return message + (values.Count == 1 ? " Use this value." : " Use one of these values.");
    }

    private static string PatternMismatch(string subject, JToken? token, JsonSchema schema)
    {
        var words = Keyword(schema, PatternMessageKeyword);
        var message = Invariant($"{subject} {Shown(token)} is not in the required form. ");
        return message + (words ?? Invariant($"It must match the regular expression {schema.Pattern}."));
    }

    private static string OutOfRange(string subject, JToken? token, JsonSchema schema, ValidationErrorKind kind)
    {
        string bound;
        string symbol;
        if (kind == ValidationErrorKind.NumberTooSmall)
        {
            if (schema.ExclusiveMinimum is { } exclusive)
            {
                (bound, symbol) = (Number(exclusive), ">");
            }
            else
            {
                (bound, symbol) = (Number(schema.Minimum ?? 0), schema.IsExclusiveMinimum ? ">" : "≥");
            }
        }
        else if (schema.ExclusiveMaximum is { } exclusive)
        {
            (bound, symbol) = (Number(exclusive), "<");
        }
        else
        {
            (bound, symbol) = (Number(schema.Maximum ?? 0), schema.IsExclusiveMaximum ? "<" : "≤");
        }

        var words = symbol switch
        {
            ">" => "greater than",
            "≥" => "at least",
            "<" => "less than",
            _ => "at most",
        };

        var range = string.Empty;
        if (schema.Minimum is { } min && schema.Maximum is { } max && !schema.IsExclusiveMinimum && !schema.IsExclusiveMaximum)
        {
            range = Invariant($" (the allowed range is {Number(min)}..{Number(max)})");
        }

        return Invariant($"{subject} must be {words} {bound}{range}, but is {Shown(token)}. Change it to a number {symbol} {bound}.");
    }

    private static SchemaProblem NotUnique(string subject, string pointer, JToken? token)
    {
        if (token is JArray array)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var text = array[i].ToString(Formatting.None);
                if (!seen.Add(text))
                {
                    return new SchemaProblem(
                        JsonPointer.Append(pointer, i),
                        Invariant($"{subject} lists {Shown(array[i])} more than once. Remove the duplicate."));
                }
            }
        }

        return new SchemaProblem(pointer, Invariant($"{subject} lists the same value more than once. Remove the duplicates."));
    }

    private static string Subject(JToken? token)
    {
        switch (token?.Parent)
        {
            case null:
                return token is null ? "The value" : "The definition";
            case JProperty property:
                return Invariant($"'{property.Name}'");
            case JArray array:
                var owner = array.Parent is JProperty p ? p.Name : "item";
                return Invariant($"'{owner}[{array.IndexOf(token)}]'");
            default:
                return "The value";
        }
    }

    private static string KindAndValue(JToken? token) => token?.Type switch
    {
        null => "missing",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "the string " + Shown(token),
        JTokenType.Integer or JTokenType.Float => "the number " + Shown(token),
        JTokenType.Boolean => Shown(token),
        JTokenType.Null => "null",
        _ => Shown(token),
    };

    private static string Shown(JToken? token)
    {
        switch (token?.Type)
        {
            case null:
                return "nothing";
            case JTokenType.Object:
                return "{ … }";
            case JTokenType.Array:
                return "[ … ]";
        }

        var text = token.ToString(Formatting.None);
        return text.Length <= MaxShownLength ? text : text[..(MaxShownLength - 1)] + "…";
    }

    private static string QuotedExample(JToken? token)
    {
        if (token is JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean })
        {
            return "\"" + token.ToString(Formatting.None) + "\"";
        }

        return "\"…\"";
    }

    private static int StringLength(JToken? token) => token?.Type == JTokenType.String ? ((string?)token)?.Length ?? 0 : 0;

    private static string Example(JsonSchema? schema)
    {
        var type = schema?.Type ?? JsonObjectType.None;
        if (type.HasFlag(JsonObjectType.Integer))
        {
            return "<whole number>";
        }

        if (type.HasFlag(JsonObjectType.Number))
        {
            return "<number>";
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            return "true";
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            return "[ … ]";
        }

        if (type.HasFlag(JsonObjectType.Object))
        {
            return "{ … }";
        }

        return "\"…\"";
    }

    private static IEnumerable<string> TypeNames(JsonObjectType type)
    {
        if (type == JsonObjectType.None)
        {
            yield return "a value";
            yield break;
        }

        if (type.HasFlag(JsonObjectType.String))
        {
            yield return "a string";
        }

        if (type.HasFlag(JsonObjectType.Number))
        {
            yield return "a number";
        }
        else if (type.HasFlag(JsonObjectType.Integer))
        {
            yield return "a whole number";
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            yield return "true or false";
        }

        if (type.HasFlag(JsonObjectType.Object))
        {
            yield return "an object";
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            yield return "an array";
        }

        if (type.HasFlag(JsonObjectType.Null))
        {
            yield return "null";
        }
    }

    private static string JoinOr(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "a different value",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };

    private static string TitleHint(JsonSchema? schema)
    {
        var title = Title(schema);
        return title is null ? string.Empty : " (" + WithArticle(title) + ")";
    }

    private static string? Title(JsonSchema? schema)
    {
        // Branches of oneOf/allOf and property schemas have no title: use the nearest titled schema above.
        object? current = schema;
        for (var depth = 0; depth < 16 && current is JsonSchema s; depth++)
        {
            if (!string.IsNullOrWhiteSpace(s.Title))
            {
                return s.Title;
            }

            current = s.Parent;
        }

        return null;
    }

    private static string WithArticle(string noun)
    {
        var article = noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
        return article + " " + noun;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Suggests the allowed name closest to a misspelt one (case-insensitive edit distance ≤ 2), or <see langword="null"/>.</summary>
    internal static string? Suggest(string actual, IReadOnlyCollection<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = EditDistance(actual.ToUpperInvariant(), candidate.ToUpperInvariant());
            var limit = Math.Min(2, Math.Max(1, candidate.Length / 3));
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>The optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
