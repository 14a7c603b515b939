using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace BRVT.Dti.Validation;

/// <summary>
/// Flattens NJsonSchema's tree of validation errors into the few problems worth showing an author.
/// </summary>
/// <remarks>
/// <para>
/// Array items and <c>allOf</c> parts are descended into. For a <c>oneOf</c>/<c>anyOf</c> that no branch satisfies,
/// only the errors of the branch the author most likely meant are reported:
/// </para>
/// <list type="number">
/// <item>nothing is reported when the schema itself does not accept the value's JSON type (its type error is);</item>
/// <item>branches that do not accept the value's JSON type are dropped; if none is left, one "wrong type" problem is reported;</item>
/// <item>when the schema names an <c>x-discriminator</c> property (a rule's <c>type</c>, a node's <c>aggregation</c>),
/// the branch whose <c>enum</c> for that property holds the value is kept (when the property is absent, the branches
/// that do not require it; a branch without an <c>enum</c> for it is the catch-all when no other matches). If none is
/// kept, nothing is reported, since the schema's own check of the property reports it;</item>
/// <item>of the branches left, the one with the fewest problems is reported; when several tie and the schema has an
/// <c>x-message</c>, that one sentence is reported instead.</item>
/// </list>
/// <para>
/// A <c>oneOf</c> satisfied by more than one branch gives one problem with the schema's <c>x-message</c>. A missing
/// property reported for a value that is not an object is dropped (its type error is reported). When the branch had to
/// be chosen among several, the <c>x-message</c> is added to its missing-property problems.
/// </para>
/// </remarks>
internal static class SchemaErrorFlattener
{
    /// <summary>Flattens the errors of one validation.</summary>
    public static List<SchemaProblem> Flatten(IEnumerable<ValidationError> errors)
    {
        var output = new List<SchemaProblem>();
        foreach (var error in errors)
        {
            Add(error, owner: null, output);
        }

        return output;
    }

    private static void Add(ValidationError error, Owner? owner, List<SchemaProblem> output)
    {
        switch (error)
        {
            case ChildSchemaValidationError child when child.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf:
                AddAlternatives(child, output);
                break;

            case ChildSchemaValidationError child:
                foreach (var inner in child.Errors.Values.SelectMany(list => list))
                {
                    Add(inner, owner: null, output);
                }

                break;

            case MultiTypeValidationError multi:
                output.Add(SchemaMessages.WrongType(multi.Token, [multi.Schema], ownerMessage: null));
                break;

            default:
                if (error.Kind == ValidationErrorKind.PropertyRequired && error.Token is not null and not JObject)
                {
                    // NJsonSchema reports required properties even for a value that is not an object; its type error says it all.
                    break;
                }

                var hint = owner is not null && error.Kind == ValidationErrorKind.PropertyRequired && ReferenceEquals(error.Token, owner.Token)
                    ? owner.Message
                    : null;
                output.Add(SchemaMessages.Describe(error, hint));
                break;
        }
    }

    private static void AddAlternatives(ChildSchemaValidationError error, List<SchemaProblem> output)
    {
        var token = error.Token;
        if (!AcceptsType(error.Schema, token))
        {
            // The schema's own type check reports the value.
            return;
        }

        var ownerMessage = SchemaMessages.Keyword(error.Schema, SchemaMessages.MessageKeyword);
        var branches = error.Errors.ToList();

        if (branches.Any(b => b.Value.Count == 0))
        {
            // A oneOf that more than one branch satisfies.
            output.Add(SchemaMessages.Ambiguous(token, ownerMessage));
            return;
        }

        var candidates = branches.Where(b => AcceptsType(b.Key.ActualSchema, token)).ToList();
        if (candidates.Count == 0)
        {
            output.Add(SchemaMessages.WrongType(token, branches.Select(b => b.Key), ownerMessage));
            return;
        }

        var discriminator = SchemaMessages.Keyword(error.Schema, SchemaMessages.DiscriminatorKeyword);
        if (discriminator is not null && token is JObject obj)
        {
            candidates = SelectByDiscriminator(candidates, discriminator, obj);
            if (candidates.Count == 0)
            {
                // The value of the discriminator is wrong or missing: the schema's own check of it reports that.
                return;
            }
        }

        // When the branch had to be guessed among several, its missing-property problems also say what the forms are.
        var owner = new Owner(token, candidates.Count > 1 ? ownerMessage : null);
        var scored = candidates
            .Select(b =>
            {
                var problems = new List<SchemaProblem>();
                foreach (var inner in b.Value)
                {
                    Add(inner, owner, problems);
                }

                return problems;
            })
            .ToList();

        var fewest = scored.Min(p => p.Count);
        var best = scored.Where(p => p.Count == fewest).ToList();
        if (best.Count == 1 || ownerMessage is null)
        {
            if (best[0].Count == 0)
            {
                output.Add(SchemaMessages.Ambiguous(token, ownerMessage));
                return;
            }

            output.AddRange(best[0]);
            return;
        }

        // Several forms fit equally badly: say what the forms are, at the first missing property if that is all that is wrong.
        var first = best[0];
        if (first.Count > 0 && first.All(p => p.IsRequired))
        {
            output.Add(new SchemaProblem(first[0].Pointer, ownerMessage, IsRequired: true));
        }
        else
        {
            output.Add(SchemaMessages.Ambiguous(token, ownerMessage));
        }
    }

    private static List<KeyValuePair<JsonSchema, ICollection<ValidationError>>> SelectByDiscriminator(
        List<KeyValuePair<JsonSchema, ICollection<ValidationError>>> candidates, string discriminator, JObject obj)
    {
        var has = obj.TryGetValue(discriminator, StringComparison.Ordinal, out var value);
        if (has && value!.Type != JTokenType.String)
        {
            return [];
        }

        if (!has)
        {
            return candidates.Where(b => !Requires(b.Key.ActualSchema, discriminator)).ToList();
        }

        var text = (string?)value;
        var matching = candidates.Where(b => EnumOf(b.Key.ActualSchema, discriminator) is { } values && values.Contains(text)).ToList();
        if (matching.Count > 0)
        {
            return matching;
        }

        // A branch without an enum for the discriminator takes the values no other branch names (plugin rule types).
        return candidates.Where(b => EnumOf(b.Key.ActualSchema, discriminator) is null).ToList();
    }

    private static bool Requires(JsonSchema schema, string property) =>
        schema.RequiredProperties.Contains(property)
        || (schema.Properties.TryGetValue(property, out var p) && p.IsRequired);

    private static HashSet<string?>? EnumOf(JsonSchema schema, string property)
    {
        if (!schema.Properties.TryGetValue(property, out var p) || p.ActualSchema.Enumeration.Count == 0)
        {
            return null;
        }

        return p.ActualSchema.Enumeration.Select(v => v?.ToString()).ToHashSet(StringComparer.Ordinal);
    }

    private static bool AcceptsType(JsonSchema schema, JToken? token)
    {
        var type = schema.Type;
        if (type == JsonObjectType.None || token is null)
        {
            return true;
        }

        return token.Type switch
        {
            JTokenType.Object => type.HasFlag(JsonObjectType.Object),
            JTokenType.Array => type.HasFlag(JsonObjectType.Array),
            JTokenType.String => type.HasFlag(JsonObjectType.String),
            JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
            JTokenType.Float => type.HasFlag(JsonObjectType.Number),
            JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
            JTokenType.Null => type.HasFlag(JsonObjectType.Null),
            _ => true,
        };
    }

    /// <summary>The value a chosen branch was checked against, and the sentence to add to its missing-property problems.</summary>
    private sealed record Owner(JToken? Token, string? Message);
}
