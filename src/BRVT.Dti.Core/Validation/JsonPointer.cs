using System.Globalization;
using System.Text;

namespace BRVT.Dti.Validation;

/// <summary>Helpers for RFC 6901 JSON pointers (<c>""</c> is the whole document; <c>~</c> is written <c>~0</c> and <c>/</c> is written <c>~1</c>).</summary>
internal static class JsonPointer
{
    /// <summary>The pointer to the whole document.</summary>
    public const string Root = "";

    /// <summary>Escapes one reference token: <c>~</c> becomes <c>~0</c> and <c>/</c> becomes <c>~1</c>.</summary>
    public static string Escape(string segment)
    {
        if (segment.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return segment;
        }

        return segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string segment)
    {
        if (!segment.Contains('~', StringComparison.Ordinal))
        {
            return segment;
        }

        return segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    /// <summary>Appends a property name (escaping it) to a pointer.</summary>
    public static string Append(string pointer, string propertyName) => pointer + "/" + Escape(propertyName);

    /// <summary>Appends an array index to a pointer.</summary>
    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns the pointer of the parent of <paramref name="pointer"/>, or <see langword="null"/> for the root or a malformed pointer.</summary>
    public static string? Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? null : pointer[..slash];
    }

    /// <summary>Returns the unescaped last reference token of a pointer, or <see langword="null"/> for the root.</summary>
    public static string? LastSegment(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? null : Unescape(pointer[(slash + 1)..]);
    }

    /// <summary>Builds a pointer from unescaped reference tokens.</summary>
    public static string FromSegments(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }
}
