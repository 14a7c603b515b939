using System.Text;
using System.Text.Json;

namespace BRVT.Dti.Host.Workspaces;

/// <summary>
/// Finds the first string of a JSON text that the parser accepts but that cannot be read as text: an escape of half
/// a surrogate pair without its other half (<c>"\uDEE7"</c>). Reading it later would throw, so it is reported first,
/// at its line and column.
/// </summary>
internal static class UnreadableStringFinder
{
    /// <summary>The message for such a string, to follow its place.</summary>
    public const string Message = "the string holds an escape of half a surrogate pair (\\uD800 to \\uDFFF) without its other half, which is no character. "
        + "Write the character itself, or both halves of the pair (for example \\uD83D\\uDE00).";

    /// <summary>The line and column (from 1, the column in characters) of the first unreadable string, if any.</summary>
    /// <param name="text">A text that parses as JSON with comments skipped.</param>
    public static (int Line, int Column)? Find(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && !CanRead(ref reader))
            {
                return Place(utf8, (int)reader.TokenStartIndex);
            }
        }

        return null;
    }

    private static bool CanRead(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static (int Line, int Column) Place(byte[] utf8, int offset)
    {
        var before = utf8.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
