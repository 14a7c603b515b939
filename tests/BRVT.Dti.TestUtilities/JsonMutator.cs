using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BRVT.Dti.TestUtilities;

/// <summary>
/// Mutates a JSON document structurally: deletes, duplicates and retypes properties, turns numbers into strings,
/// negatives and NaN-like text, swaps strings for hostile text, removes and repeats array items, nests values
/// deeply; then, sometimes, damages the text (truncation, stray bytes).
/// </summary>
public static class JsonMutator
{
    private const string Deep = "\u0001deep\u0001";

    public static byte[] Mutate(string json, Random random)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var mutations = random.Next(1, 5);
        var nesting = 0;
        for (var i = 0; i < mutations; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            switch (random.Next(8))
            {
                case 0 when parent is JsonObject o: // delete a property
                    o.Remove(node.GetPropertyName());
                    break;
                case 1 when parent is JsonArray a: // delete an array item
                    a.Remove(node);
                    break;
                case 2 when parent is JsonArray a: // repeat an array item (duplicate ids)
                    a.Insert(random.Next(a.Count + 1), node.DeepClone());
                    break;
                case 3 when node is JsonValue v && v.GetValueKind() == JsonValueKind.Number: // number to text, negative, NaN-like
                    Replace(node, random.Next(4) switch
                    {
                        0 => JsonValue.Create(v.ToJsonString()),
                        1 => JsonValue.Create(double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? -d : -1),
                        2 => JsonValue.Create(new[] { "NaN", "Infinity", "-Infinity", "1e309", "", " ", "1,5" }[random.Next(7)]),
                        _ => JsonNode.Parse(Mutations.Number(random)),
                    });
                    break;
                case 4 when node is JsonValue v && v.GetValueKind() == JsonValueKind.String: // hostile text
                    Replace(node, JsonValue.Create(random.Next(4) switch
                    {
                        0 => string.Empty,
                        1 => new string('(', random.Next(1, 3000)) + "x" + new string(')', random.Next(0, 3000)),
                        2 => v.GetValue<string>() + Mutations.Token(random),
                        _ => string.Concat(Enumerable.Range(0, random.Next(1, 50)).Select(_ => (char)random.Next(0x20, 0x2FFF))),
                    }));
                    break;
                case 5 when parent is not null: // retype
                    Replace(node, random.Next(6) switch
                    {
                        0 => null,
                        1 => JsonValue.Create(true),
                        2 => new JsonArray(),
                        3 => new JsonObject(),
                        4 => JsonValue.Create("x"),
                        _ => JsonValue.Create(random.Next(-5, 5)),
                    });
                    break;
                case 6 when parent is not null && nesting == 0: // deep nesting
                    Replace(node, JsonValue.Create(Deep));
                    nesting = random.Next(2) == 0 ? random.Next(10, 80) : random.Next(500, 20000);
                    break;
                case 7 when node is JsonObject o: // an unknown property
                    o[$"x{random.Next(100).ToString(CultureInfo.InvariantCulture)}"] = JsonValue.Create(Mutations.Token(random));
                    break;
                default:
                    break;
            }
        }

        var text = new StringBuilder();
        Write(root, text, random, random.Next(4) == 0 ? 0.05 : 0);
        var result = text.ToString();
        if (nesting > 0)
        {
            var open = random.Next(2) == 0 ? "[" : "{\"a\":";
            var close = open == "[" ? "]" : "}";
            // The placeholder is written escaped ("\u0001deep\u0001"), as the writer writes every string.
            result = result.Replace(JsonSerializer.Serialize(Deep), string.Concat(Enumerable.Repeat(open, nesting)) + "1" + string.Concat(Enumerable.Repeat(close, nesting)), StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(result);
        return random.Next(5) == 0 ? Mutations.Bytes(bytes, random, random.Next(1, 4)) : bytes;
    }

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = replacement;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = replacement;
                break;
            default:
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        if (node is null)
        {
            return;
        }

        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var property in o)
                {
                    Collect(property.Value, nodes);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Collect(item, nodes);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Writes the tree; with probability <paramref name="duplicate"/> a property is written twice (JSON allows it, the loaders must not be fooled).</summary>
    private static void Write(JsonNode? node, StringBuilder text, Random random, double duplicate)
    {
        switch (node)
        {
            case JsonObject o:
                text.Append('{');
                var first = true;
                foreach (var property in o)
                {
                    var times = random.NextDouble() < duplicate ? 2 : 1;
                    for (var t = 0; t < times; t++)
                    {
                        if (!first)
                        {
                            text.Append(',');
                        }

                        first = false;
                        text.Append(JsonSerializer.Serialize(property.Key)).Append(':');
                        Write(property.Value, text, random, duplicate);
                    }
                }

                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(a[i], text, random, duplicate);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}
