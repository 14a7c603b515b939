using System.Text;
using System.Text.Json;

namespace BRVT.Dti.Validation;

/// <summary>
/// Maps the JSON pointers of a document (every object property and array item, and the root <c>""</c>) to the
/// 1-based line and column where their value starts, and the pointers of properties to where their name starts.
/// Built once, in one pass of <see cref="Utf8JsonReader"/>, from the UTF-8 bytes of the document.
/// </summary>
/// <remarks>
/// <para>
/// The map reads the document leniently, like the definition reader: comments (<c>//</c> and <c>/* */</c>) are
/// skipped and trailing commas are allowed; both are recorded (<see cref="Comments"/>, <see cref="TrailingCommas"/>)
/// so that the validator can warn about them, since they are not standard JSON. The nesting depth is limited to 64,
/// as in <see cref="JsonDocument"/>.
/// </para>
/// <para>
/// Lines end at <c>\n</c> (so <c>\r\n</c> counts once; a lone <c>\r</c> does not end a line, as in
/// <see cref="Utf8JsonReader"/>). Columns count UTF-16 characters, so that a Vietnamese letter such as <c>ế</c>
/// (three UTF-8 bytes) is one column, as in editors; a character outside the Basic Multilingual Plane counts two, and a
/// decomposed letter (base letter plus combining mark) counts two. A leading byte-order mark is skipped and not counted.
/// Locations are computed on demand, so building the map is linear in the size of the document.
/// </para>
/// <para>
/// When a property occurs twice in an object, the later occurrence wins (as in <see cref="JsonDocument"/> consumers
/// that read the last value) and is recorded in <see cref="DuplicateProperties"/>.
/// </para>
/// <para>When the text is not valid JSON, <see cref="SyntaxError"/> says where and why; the pointers read before the
/// error stay in the map.</para>
/// <para>Immutable after construction and thread-safe for reading.</para>
/// </remarks>
internal sealed class JsonLocationMap
{
    /// <summary>The reader options the map (and the validator) read documents with.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Allow,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>The <see cref="JsonSyntaxError.Message"/> of a text without any JSON value (empty, or only whitespace and comments).</summary>
    public const string NoValueMessage = "The text contains no JSON value.";

    private readonly byte[] _utf8;
    private readonly int _start;
    private readonly List<int> _lineStarts;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<JsonMarker> _comments = [];
    private readonly List<JsonMarker> _trailingCommas = [];
    private readonly List<JsonMarker> _duplicates = [];

    private JsonLocationMap(byte[] utf8)
    {
        _utf8 = utf8;
        _start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        _lineStarts = [_start];
        for (var i = _start; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }

        SyntaxError = Walk();
    }

    /// <summary>The number of pointers in the map.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether the text is a single valid (leniently read) JSON value.</summary>
    public bool IsValid => SyntaxError is null;

    /// <summary>The syntax error that stopped reading, or <see langword="null"/> when the document is valid JSON.</summary>
    public JsonSyntaxError? SyntaxError { get; }

    /// <summary>Where comments start, with the pointer of the object or array that contains them (<c>""</c> outside the root).</summary>
    public IReadOnlyList<JsonMarker> Comments => _comments;

    /// <summary>Where trailing commas are (the comma itself), with the pointer of the object or array they end.</summary>
    public IReadOnlyList<JsonMarker> TrailingCommas => _trailingCommas;

    /// <summary>Where a property name occurs again in the same object, with the property's pointer.</summary>
    public IReadOnlyList<JsonMarker> DuplicateProperties => _duplicates;

    /// <summary>The UTF-8 bytes of the document after a byte-order mark, which the map was built from.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8.AsMemory(_start);

    /// <summary>Builds the map of a UTF-8 document. A leading byte-order mark is skipped.</summary>
    /// <param name="utf8">The document's UTF-8 bytes.</param>
    public static JsonLocationMap Create(ReadOnlySpan<byte> utf8) => new(utf8.ToArray());

    /// <summary>Builds the map of a document given as text (<see langword="null"/> is read as an empty document).</summary>
    /// <param name="text">The document.</param>
    public static JsonLocationMap FromText(string? text) => new(Encoding.UTF8.GetBytes(text ?? string.Empty));

    /// <summary>Whether the document has a value at <paramref name="pointer"/>.</summary>
    public bool Contains(string pointer) => _entries.ContainsKey(pointer);

    /// <summary>Gets where the value at <paramref name="pointer"/> starts, if the document has one.</summary>
    public bool TryGetLocation(string pointer, out JsonLocation location)
    {
        if (_entries.TryGetValue(pointer, out var entry))
        {
            location = GetLocation(entry.ValueOffset);
            return true;
        }

        location = default;
        return false;
    }

    /// <summary>
    /// Returns where the value at <paramref name="pointer"/> starts or, when the document has no such value (a missing
    /// property, an index past the end, a malformed pointer), where its nearest existing ancestor starts. Returns line 1,
    /// column 1 when not even the root exists.
    /// </summary>
    public JsonLocation Locate(string pointer) => GetLocation(FindNearest(pointer).ValueOffset);

    /// <summary>
    /// Returns where the name of the property at <paramref name="pointer"/> starts (its opening quote), which is where
    /// an editor puts a problem with the property itself (unknown, duplicated). Falls back to <see cref="Locate"/> for
    /// array items, the root and pointers that do not exist.
    /// </summary>
    public JsonLocation LocateName(string pointer)
    {
        if (_entries.TryGetValue(pointer, out var entry) && entry.NameOffset >= 0)
        {
            return GetLocation(entry.NameOffset);
        }

        return Locate(pointer);
    }

    /// <summary>Converts a byte offset into the document (counted from the start of the bytes given, including a byte-order mark) into a line and column.</summary>
    public JsonLocation GetLocation(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, _start, _utf8.Length);
        var index = _lineStarts.BinarySearch(byteOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        var lineStart = _lineStarts[index];
        var column = Encoding.UTF8.GetCharCount(_utf8.AsSpan(lineStart, byteOffset - lineStart)) + 1;
        return new JsonLocation(index + 1, column);
    }

    private Entry FindNearest(string pointer)
    {
        string? current = pointer;
        while (current is not null)
        {
            if (_entries.TryGetValue(current, out var entry))
            {
                return entry;
            }

            current = JsonPointer.Parent(current);
        }

        return _entries.TryGetValue(JsonPointer.Root, out var root) ? root : new Entry(_start, -1);
    }

    private JsonSyntaxError? Walk()
    {
        var reader = new Utf8JsonReader(_utf8.AsSpan(_start), ReaderOptions);
        var frames = new Stack<Frame>();
        var commentRanges = new List<(int Start, int End)>();
        string? propertyPointer = null;
        var propertyNameOffset = -1;

        try
        {
            while (reader.Read())
            {
                var tokenStart = _start + (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        _comments.Add(new JsonMarker(frames.Count == 0 ? JsonPointer.Root : frames.Peek().Pointer, GetLocation(tokenStart)));
                        commentRanges.Add((tokenStart, _start + (int)reader.BytesConsumed));
                        break;

                    case JsonTokenType.PropertyName:
                    {
                        var frame = frames.Peek();
                        if (UnreadableString(ref reader) is { } nameProblem)
                        {
                            return new JsonSyntaxError(GetLocation(tokenStart), tokenStart, frame.Pointer, "A property name " + nameProblem, IsAtEnd: false, SaysHowToFix: true);
                        }

                        var name = reader.GetString() ?? string.Empty;
                        propertyPointer = JsonPointer.Append(frame.Pointer, name);
                        propertyNameOffset = tokenStart;
                        if (!frame.Names!.Add(name))
                        {
                            _duplicates.Add(new JsonMarker(propertyPointer, GetLocation(tokenStart)));
                            RemoveSubtree(propertyPointer);
                        }

                        break;
                    }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                    {
                        var frame = frames.Pop();
                        var comma = FindTrailingComma(tokenStart, commentRanges);
                        if (comma >= 0)
                        {
                            _trailingCommas.Add(new JsonMarker(frame.Pointer, GetLocation(comma)));
                        }

                        break;
                    }

                    default:
                    {
                        string pointer;
                        var nameOffset = -1;
                        if (frames.Count == 0)
                        {
                            pointer = JsonPointer.Root;
                        }
                        else if (frames.Peek() is { Names: null } array)
                        {
                            pointer = JsonPointer.Append(array.Pointer, array.NextIndex++);
                        }
                        else
                        {
                            pointer = propertyPointer ?? JsonPointer.Root;
                            nameOffset = propertyNameOffset;
                        }

                        if (UnreadableString(ref reader) is { } valueProblem)
                        {
                            return new JsonSyntaxError(GetLocation(tokenStart), tokenStart, pointer, "The string " + valueProblem, IsAtEnd: false, SaysHowToFix: true);
                        }

                        _entries[pointer] = new Entry(tokenStart, nameOffset);
                        if (reader.TokenType == JsonTokenType.StartObject)
                        {
                            frames.Push(new Frame(pointer, new HashSet<string>(StringComparer.Ordinal)));
                        }
                        else if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            frames.Push(new Frame(pointer, null));
                        }

                        break;
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            return CreateSyntaxError(exception, frames.Count == 0 ? JsonPointer.Root : frames.Peek().Pointer);
        }

        if (!_entries.ContainsKey(JsonPointer.Root))
        {
            // Only comments: the reader, which allows comments, has nothing to complain about.
            return new JsonSyntaxError(GetLocation(_utf8.Length), _utf8.Length, JsonPointer.Root, NoValueMessage, IsAtEnd: true);
        }

        return null;
    }

    /// <summary>
    /// Why the string token under the reader cannot be read as text (the end of a sentence that starts with what it
    /// is), or <see langword="null"/> when it can. The reader accepts both cases; every later reader of the text
    /// (<see cref="JsonElement.GetString"/>, the serializer) throws on them, so the map reports them where they are.
    /// </summary>
    private static string? UnreadableString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return null;
        }

        if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
        {
            return "holds bytes that are not UTF-8. Save the file as UTF-8 (with or without BOM).";
        }

        if (!reader.ValueIsEscaped)
        {
            return null;
        }

        try
        {
            _ = reader.GetString();
            return null;
        }
        catch (InvalidOperationException)
        {
            return "holds an escape of half a surrogate pair (\\uD800 to \\uDFFF) without its other half, which is no character. "
                + "Write the character itself, or both halves of the pair (for example \\uD83D\\uDE00).";
        }
    }

    private JsonSyntaxError CreateSyntaxError(JsonException exception, string pointer)
    {
        // Utf8JsonReader counts lines at '\n' from 0 and positions in bytes from the start of the line, as the map does.
        var line = (int)Math.Clamp(exception.LineNumber ?? 0, 0, _lineStarts.Count - 1);
        var offset = (int)Math.Clamp(_lineStarts[line] + (exception.BytePositionInLine ?? 0), _start, _utf8.Length);
        var message = exception.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            message = message[..suffix];
        }

        var isAtEnd = _utf8.AsSpan(offset).Trim(" \t\r\n"u8).IsEmpty;
        if (isAtEnd && _entries.Count == 0 && _comments.Count == 0 && _utf8.AsSpan(_start).Trim(" \t\r\n"u8).IsEmpty)
        {
            message = NoValueMessage;
        }

        return new JsonSyntaxError(GetLocation(offset), offset, pointer, message.Trim(), isAtEnd);
    }

    private int FindTrailingComma(int closingOffset, List<(int Start, int End)> commentRanges)
    {
        var i = closingOffset - 1;
        var comment = commentRanges.Count - 1;
        while (i >= _start)
        {
            var b = _utf8[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i--;
                continue;
            }

            while (comment >= 0 && commentRanges[comment].Start > i)
            {
                comment--;
            }

            if (comment >= 0 && commentRanges[comment].End > i)
            {
                i = commentRanges[comment].Start - 1;
                comment--;
                continue;
            }

            return b == (byte)',' ? i : -1;
        }

        return -1;
    }

    private void RemoveSubtree(string pointer)
    {
        var prefix = pointer + "/";
        foreach (var key in _entries.Keys.Where(k => k == pointer || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            _entries.Remove(key);
        }
    }

    private readonly record struct Entry(int ValueOffset, int NameOffset);

    private sealed class Frame(string pointer, HashSet<string>? names)
    {
        public string Pointer { get; } = pointer;

        /// <summary>The property names seen so far in an object; <see langword="null"/> for an array.</summary>
        public HashSet<string>? Names { get; } = names;

        public int NextIndex { get; set; }
    }
}

/// <summary>A place in a JSON document worth reporting, with the pointer of the value it belongs to.</summary>
/// <param name="Pointer">The JSON pointer of the value (or of the containing object or array).</param>
/// <param name="Location">The line and column.</param>
internal readonly record struct JsonMarker(string Pointer, JsonLocation Location);

/// <summary>Why and where a text is not valid JSON.</summary>
/// <param name="Location">The line and column of the error.</param>
/// <param name="ByteOffset">The byte offset of the error in the UTF-8 text.</param>
/// <param name="Pointer">The pointer of the innermost object or array open at the error (<c>""</c> outside the root), or of the string value that cannot be read as text.</param>
/// <param name="Message">The reader's explanation, without its line and byte position.</param>
/// <param name="IsAtEnd">Whether the error is at the end of the text (only whitespace follows): the text is truncated or empty.</param>
/// <param name="SaysHowToFix">Whether <paramref name="Message"/> is a whole sentence that says how to fix the text (a string that cannot be read as text), not the reader's bare explanation.</param>
internal sealed record JsonSyntaxError(JsonLocation Location, int ByteOffset, string Pointer, string Message, bool IsAtEnd, bool SaysHowToFix = false);
