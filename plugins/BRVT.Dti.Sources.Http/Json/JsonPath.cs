using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BRVT.Dti.Sources.Http.Json;

/// <summary>
/// A simple JSON path: <c>$</c> (the value itself), then <c>.name</c>, <c>['name with spaces']</c> and <c>[0]</c> steps,
/// e.g. <c>$.data.items</c>, <c>$.chi_so.m1</c>, <c>$['mã đơn vị']</c>. A path written without <c>$</c> starts at the value.
/// A trailing <c>[*]</c> (e.g. <c>$.data.items[*]</c>) names the elements of the array before it; it is allowed only
/// where a path names a list of items (<see cref="EndsWithWildcard"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class JsonPath
{
    private readonly object[] steps;

    private JsonPath(string text, object[] steps, bool wildcard)
    {
        Text = text;
        this.steps = steps;
        EndsWithWildcard = wildcard;
        Pointer = string.Concat(steps.Select(s => s is string name
            ? "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : "/" + ((int)s).ToString(CultureInfo.InvariantCulture)));
    }

    public string Text { get; }

    /// <summary>Whether the path ends with <c>[*]</c> (the elements of an array).</summary>
    public bool EndsWithWildcard { get; }

    /// <summary>The JSON pointer (RFC 6901) of the value the path names, without a trailing <c>[*]</c>: <c>/data/items</c>; empty for <c>$</c>.</summary>
    public string Pointer { get; }

    public static bool TryParse(string text, out JsonPath? path, out string error)
    {
        path = null;
        error = string.Empty;
        var source = text.Trim();
        if (source.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        var i = 0;
        var list = new List<object>();
        var wildcard = false;
        if (source[0] != '$')
        {
            source = (source[0] == '[' ? "$" : "$.") + source;
        }

        i = 1;

        while (i < source.Length)
        {
            if (wildcard)
            {
                error = "[*] may only end the path";
                return false;
            }

            if (source[i] == '.')
            {
                var start = ++i;
                while (i < source.Length && source[i] is not '.' and not '[')
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"an empty name at character {start.ToString(CultureInfo.InvariantCulture)}";
                    return false;
                }

                list.Add(source[start..i]);
            }
            else if (source[i] == '[')
            {
                i++;
                if (i + 1 < source.Length && source[i] == '*' && source[i + 1] == ']')
                {
                    wildcard = true;
                    i += 2;
                }
                else if (i < source.Length && source[i] is '\'' or '"')
                {
                    var quote = source[i++];
                    var name = new StringBuilder();
                    while (i < source.Length && source[i] != quote)
                    {
                        if (source[i] == '\\' && i + 1 < source.Length)
                        {
                            i++;
                        }

                        name.Append(source[i++]);
                    }

                    if (i + 1 >= source.Length || source[i + 1] != ']')
                    {
                        error = "a quoted name is not closed with ']'";
                        return false;
                    }

                    i += 2;
                    list.Add(name.ToString());
                }
                else
                {
                    var start = i;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                    {
                        i++;
                    }

                    if (i == start || i >= source.Length || source[i] != ']' || !int.TryParse(source.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        error = "write [0], [1]… or ['name']";
                        return false;
                    }

                    i++;
                    list.Add(index);
                }
            }
            else
            {
                error = $"unexpected '{source[i]}' at character {i.ToString(CultureInfo.InvariantCulture)}; write $.name, $['name'] or $[0]";
                return false;
            }
        }

        path = new JsonPath(text.Trim(), [.. list], wildcard);
        return true;
    }

    /// <summary>Finds the value the path names; <see langword="false"/> when a step is missing.</summary>
    public bool TryFind(JsonElement root, out JsonElement value)
    {
        value = root;
        foreach (var step in steps)
        {
            if (step is string name)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
                {
                    return false;
                }
            }
            else
            {
                var index = (int)step;
                if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
            }
        }

        return true;
    }

    public override string ToString() => Text;
}
