using System.Text;
using BRVT.Dti.Validation;

namespace BRVT.Dti.Tests.Validation;

public sealed class JsonLocationMapTests
{
    private const string Sample = """
        {
          "id": "vn-dti",
          "nodes": [
            { "id": "1", "maxPoints": 10 },
            { "id": "2", "children": [ { "id": "2.1" } ] }
          ],
          "empty": {}
        }
        """;

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("/id", 2, 9)]
    [InlineData("/nodes", 3, 12)]
    [InlineData("/nodes/0", 4, 5)]
    [InlineData("/nodes/0/maxPoints", 4, 31)]
    [InlineData("/nodes/1/children/0/id", 5, 40)]
    [InlineData("/empty", 7, 12)]
    public void Locate_ExistingPointer_ReturnsWhereTheValueStarts(string pointer, int line, int column)
    {
        var map = JsonLocationMap.FromText(Sample);

        Assert.True(map.TryGetLocation(pointer, out var location));
        Assert.Equal(new JsonLocation(line, column), location);
        Assert.Equal(location, map.Locate(pointer));
    }

    [Fact]
    public void Create_ValidDocument_MapsEveryValue()
    {
        var map = JsonLocationMap.FromText(Sample);

        Assert.True(map.IsValid);
        Assert.Null(map.SyntaxError);
        // root, id, nodes, node 1 (object, id, maxPoints), node 2 (object, id, children), 2.1 (object, id), empty.
        Assert.Equal(12, map.Count);
    }

    [Theory]
    [InlineData("/nodes/0/name", 4, 5)]
    [InlineData("/nodes/7", 3, 12)]
    [InlineData("/nodes/1/children/0/rule/measure", 5, 32)]
    [InlineData("/missing/deeper", 1, 1)]
    [InlineData("not a pointer", 1, 1)]
    public void Locate_MissingPointer_FallsBackToTheNearestExistingAncestor(string pointer, int line, int column)
    {
        var map = JsonLocationMap.FromText(Sample);

        Assert.False(map.TryGetLocation(pointer, out _));
        Assert.Equal(new JsonLocation(line, column), map.Locate(pointer));
    }

    [Fact]
    public void LocateName_Property_ReturnsWhereTheNameStarts()
    {
        var map = JsonLocationMap.FromText(Sample);

        Assert.Equal(new JsonLocation(4, 18), map.LocateName("/nodes/0/maxPoints"));
        Assert.Equal(new JsonLocation(4, 5), map.LocateName("/nodes/0"));
        Assert.Equal(new JsonLocation(4, 5), map.LocateName("/nodes/0/weight"));
    }

    [Fact]
    public void Locate_VietnameseTextBeforeTheValue_CountsColumnsInCharactersNotBytes()
    {
        // ê and á are 2 UTF-8 bytes, ố is 3: the value 0.8 is at character 37 but byte 42.
        const string text = "{ \"tên\": \"Tốt\", \"khác\": \"Khá\", \"x\": 0.8 }";

        var map = JsonLocationMap.FromText(text);

        Assert.Equal(new JsonLocation(1, 37), map.Locate("/x"));
        Assert.Equal(new JsonLocation(1, 32), map.LocateName("/x"));
        Assert.Equal(new JsonLocation(1, 10), map.Locate("/tên"));
        Assert.Equal(new JsonLocation(1, 25), map.Locate("/khác"));
    }

    [Fact]
    public void Locate_CharacterOutsideTheBasicPlane_CountsTwoColumnsLikeEditors()
    {
        var map = JsonLocationMap.FromText("{\"a\":\"😀\",\"b\":1}");

        Assert.Equal(new JsonLocation(1, 15), map.Locate("/b"));
    }

    [Fact]
    public void Locate_PropertyNamesWithSlashAndTilde_AreEscapedInPointers()
    {
        var map = JsonLocationMap.FromText("{\"a/b\": {\"m~n\": [true, {\"~/\": null}]}}");

        Assert.Equal(new JsonLocation(1, 9), map.Locate("/a~1b"));
        Assert.Equal(new JsonLocation(1, 17), map.Locate("/a~1b/m~0n"));
        Assert.Equal(new JsonLocation(1, 31), map.Locate("/a~1b/m~0n/1/~0~1"));
        Assert.False(map.Contains("/a/b"));
    }

    [Fact]
    public void Create_CrLfLineEnds_CountOneLineEach()
    {
        var map = JsonLocationMap.FromText("{\r\n  \"a\": 1,\r\n  \"b\": [2]\r\n}");

        Assert.Equal(new JsonLocation(2, 8), map.Locate("/a"));
        Assert.Equal(new JsonLocation(3, 9), map.Locate("/b/0"));
    }

    [Fact]
    public void Create_ByteOrderMark_IsSkippedAndNotCounted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"a\": 1}")).ToArray();

        var map = JsonLocationMap.Create(bytes);

        Assert.True(map.IsValid);
        Assert.Equal(new JsonLocation(1, 1), map.Locate(""));
        Assert.Equal(new JsonLocation(1, 7), map.Locate("/a"));
    }

    [Fact]
    public void Create_TruncatedDocument_ReportsTheEndInCharacters()
    {
        const string text = "{\n  \"tên\": \"Chỉ số\",\n  \"nodes\": [ { \"id\": \"Đạt\"";

        var map = JsonLocationMap.FromText(text);

        Assert.False(map.IsValid);
        var error = map.SyntaxError!;
        Assert.Equal(new JsonLocation(3, 27), error.Location);
        Assert.True(error.IsAtEnd);
        Assert.Equal("/nodes/0", error.Pointer);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SyntaxErrorAfterMultiByteCharacters_ReportsTheCharacterColumn()
    {
        // The stray 'x' is at character 16, byte 19.
        var map = JsonLocationMap.FromText("{ \"tên\": \"Tốt\" x }");

        Assert.Equal(new JsonLocation(1, 16), map.SyntaxError!.Location);
        Assert.False(map.SyntaxError.IsAtEnd);
    }

    [Fact]
    public void Create_SyntaxError_KeepsThePointersReadBefore()
    {
        var map = JsonLocationMap.FromText("{ \"a\": 1, \"b\": [ 2, }");

        Assert.NotNull(map.SyntaxError);
        Assert.Equal(new JsonLocation(1, 8), map.Locate("/a"));
        Assert.Equal(new JsonLocation(1, 18), map.Locate("/b/0"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("// only a comment")]
    public void Create_NoValue_ReportsASyntaxErrorAtTheEnd(string text)
    {
        var map = JsonLocationMap.FromText(text);

        Assert.NotNull(map.SyntaxError);
        Assert.True(map.SyntaxError.IsAtEnd);
        Assert.Equal(new JsonLocation(1, 1), map.Locate(""));
    }

    [Fact]
    public void Create_CommentsAndTrailingCommas_AreReadAndRecorded()
    {
        const string text = """
            {
              // a note
              "a": [1, 2, /* last */ ],
              "b": { "c": 1, /* x */ } /* after */
            }
            """;

        var map = JsonLocationMap.FromText(text);

        Assert.True(map.IsValid);
        Assert.Equal(
            [new JsonMarker("", new JsonLocation(2, 3)), new JsonMarker("/a", new JsonLocation(3, 15)), new JsonMarker("/b", new JsonLocation(4, 18)), new JsonMarker("", new JsonLocation(4, 28))],
            map.Comments);
        Assert.Equal(
            [new JsonMarker("/a", new JsonLocation(3, 13)), new JsonMarker("/b", new JsonLocation(4, 16))],
            map.TrailingCommas);
        Assert.Equal(new JsonLocation(3, 12), map.Locate("/a/1"));
    }

    [Fact]
    public void Create_DuplicateProperty_RecordsItAndMapsTheLastValue()
    {
        var map = JsonLocationMap.FromText("{\"a\": {\"x\": 1}, \"b\": 2, \"a\": 3}");

        Assert.Equal([new JsonMarker("/a", new JsonLocation(1, 25))], map.DuplicateProperties);
        Assert.Equal(new JsonLocation(1, 30), map.Locate("/a"));
        Assert.False(map.Contains("/a/x"));
    }

    [Fact]
    public void Create_SameNameInDifferentObjects_IsNotADuplicate()
    {
        var map = JsonLocationMap.FromText("[{\"id\": 1}, {\"id\": 2}]");

        Assert.Empty(map.DuplicateProperties);
        Assert.Equal(new JsonLocation(1, 20), map.Locate("/1/id"));
    }

    [Fact]
    public void Create_InvalidUtf8InAPropertyName_ReportsASyntaxErrorInsteadOfThrowing()
    {
        byte[] bytes = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];

        var map = JsonLocationMap.Create(bytes);

        Assert.NotNull(map.SyntaxError);
    }

    [Theory]
    [InlineData("\\uDEE7")]
    [InlineData("\\uD83D")]
    [InlineData("ab\\uD83Dx")]
    [InlineData("\\uDE00\\uD83D")]
    public void Create_EscapedHalfOfASurrogatePairInAValue_ReportsItAtTheString(string escaped)
    {
        var text = "{\n  \"nodes\": [ 1, \"" + escaped + "\" ]\n}";

        var map = JsonLocationMap.FromText(text);

        Assert.NotNull(map.SyntaxError);
        Assert.Equal("/nodes/1", map.SyntaxError.Pointer);
        Assert.Equal(new JsonLocation(2, 17), map.SyntaxError.Location);
        Assert.Contains("half a surrogate pair", map.SyntaxError.Message, StringComparison.Ordinal);
        Assert.Contains("both halves", map.SyntaxError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EscapedHalfOfASurrogatePairInAName_ReportsItAtTheName()
    {
        var map = JsonLocationMap.FromText("{ \"a\": { \"x\\uDC00\": 1 } }");

        Assert.NotNull(map.SyntaxError);
        Assert.Equal("/a", map.SyntaxError.Pointer);
        Assert.Equal(new JsonLocation(1, 10), map.SyntaxError.Location);
        Assert.StartsWith("A property name holds an escape of half", map.SyntaxError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EscapedWholeSurrogatePair_IsValid()
    {
        var map = JsonLocationMap.FromText("{ \"\\uD83D\\uDE00\": \"x\\uD83D\\uDE00\" }");

        Assert.Null(map.SyntaxError);
        Assert.True(map.Contains("/\U0001F600"));
    }

    [Fact]
    public void Create_InvalidUtf8InAValue_ReportsASyntaxErrorAtTheString()
    {
        byte[] bytes = [(byte)'[', (byte)'1', (byte)',', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']'];

        var map = JsonLocationMap.Create(bytes);

        Assert.NotNull(map.SyntaxError);
        Assert.Equal("/1", map.SyntaxError.Pointer);
        Assert.Contains("not UTF-8", map.SyntaxError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NestingDeeperThan64_ReportsASyntaxError()
    {
        var text = new string('[', 65) + new string(']', 65);

        var map = JsonLocationMap.FromText(text);

        Assert.NotNull(map.SyntaxError);
        Assert.Equal(new JsonLocation(1, 65), map.SyntaxError.Location);
    }
}
