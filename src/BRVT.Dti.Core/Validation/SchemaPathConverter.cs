using System.Text;
using Newtonsoft.Json.Linq;

namespace BRVT.Dti.Validation;

/// <summary>
/// Converts the paths NJsonSchema reports (<c>#/nodes[0].children[2].weight</c>) into RFC 6901 JSON pointers
/// (<c>/nodes/0/children/2/weight</c>).
/// </summary>
/// <remarks>
/// <para>
/// NJsonSchema builds paths by joining property names with <c>.</c> and indices as <c>[n]</c>, without escaping, and
/// starts the errors of <c>oneOf</c>/<c>anyOf</c> branches from Json.NET's <see cref="JToken.Path"/>, which writes
/// unusual names as <c>['a.b']</c>. Both forms are read: <c>['…']</c> and <c>["…"]</c> (with <c>\</c> escapes) are one
/// property name, <c>[digits]</c> is an array index, <c>[other]</c> is a property name.
/// </para>
/// <para>
/// Limits: a plain path is ambiguous when a property name contains <c>.</c> or <c>[</c> (<c>a.b</c> can be one
/// property or two). Without the document every <c>.</c> separates names. With the document
/// (<see cref="ToPointer(string?, JToken?)"/>), at each object the longest name that the object has is taken, and a
/// missing last name is kept whole; a name that is missing and followed by more segments is split at the first
/// <c>.</c>. The pointer is then exact except when both readings exist in the document. A path of a property that is
/// missing (a required property) keeps the missing name as its last segment.
/// </para>
/// </remarks>
internal static class SchemaPathConverter
{
    /// <summary>Converts a path without looking at the document: every <c>.</c> outside brackets separates property names.</summary>
    /// <param name="path">The NJsonSchema path (<c>#</c>, <c>#/a.b[0]</c>; a missing <c>#/</c> is accepted).</param>
    /// <returns>The JSON pointer (<c>""</c> for the root or an empty path).</returns>
    public static string ToPointer(string? path) => ToPointer(path, document: null);

    /// <summary>
    /// Converts a path, using the document to decide, where a property name could contain <c>.</c> or <c>[</c>, which
    /// reading names existing properties.
    /// </summary>
    /// <param name="path">The NJsonSchema path.</param>
    /// <param name="document">The validated document (its root token), or <see langword="null"/>.</param>
    /// <returns>The JSON pointer.</returns>
    public static string ToPointer(string? path, JToken? document)
    {
        var text = Strip(path);
        var segments = new List<string>();
        var current = document;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                i++;
                continue;
            }

            string segment;
            if (c == '[')
            {
                i = ReadBracket(text, i, out segment);
            }
            else
            {
                i = ReadName(text, i, current as JObject, out segment);
            }

            segments.Add(segment);
            current = Child(current, segment);
        }

        return JsonPointer.FromSegments(segments);
    }

    private static string Strip(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var start = 0;
        if (path[start] == '#')
        {
            start++;
        }

        if (start < path.Length && path[start] == '/')
        {
            start++;
        }

        return path[start..];
    }

    private static int ReadBracket(string text, int open, out string segment)
    {
        var i = open + 1;
        if (i < text.Length && text[i] is '\'' or '"')
        {
            var quote = text[i];
            var name = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                name.Append(text[i]);
                i++;
            }

            // Skip the closing quote and bracket.
            i = Math.Min(text.Length, i + 1);
            if (i < text.Length && text[i] == ']')
            {
                i++;
            }

            segment = name.ToString();
            return i;
        }

        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            segment = text[open..];
            return text.Length;
        }

        segment = text[i..close];
        return close + 1;
    }

    private static int ReadName(string text, int start, JObject? obj, out string segment)
    {
        // The candidate ends of the name: before each '.' or '[' and the end of the text, shortest first.
        var ends = new List<int>();
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '.' or '[')
            {
                if (i > start)
                {
                    ends.Add(i);
                }
            }
        }

        ends.Add(text.Length);

        if (obj is not null && ends.Count > 1)
        {
            for (var k = ends.Count - 1; k >= 0; k--)
            {
                var candidate = text[start..ends[k]];
                if (obj.ContainsKey(candidate))
                {
                    segment = candidate;
                    return ends[k];
                }
            }

            // No reading names an existing property: a missing last property keeps its whole name.
            if (text.IndexOf('[', start) < 0)
            {
                segment = text[start..];
                return text.Length;
            }
        }

        segment = text[start..ends[0]];
        return ends[0];
    }

    private static JToken? Child(JToken? token, string segment) => token switch
    {
        JObject obj => obj.TryGetValue(segment, StringComparison.Ordinal, out var value) ? value : null,
        JArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < array.Count => array[index],
        _ => null,
    };
}
