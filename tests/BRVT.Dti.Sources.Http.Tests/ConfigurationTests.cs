using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Http.Tests;

public sealed class ConfigurationTests
{
    private const string Valid = """
        { "name": "cong-dvc", "type": "http-json", "url": "https://dvc.example.vn/api/thong-ke?nam={period}", "items": "$.data.items[*]",
          "unitPath": "$.ma_don_vi", "measurePath": "$.chi_so", "valuePath": "$.gia_tri" }
        """;

    [Fact]
    public void Create_ValidSettings_KeepsTheUrl()
    {
        var source = TestSources.Create(Valid);

        Assert.Equal(("cong-dvc", "https://dvc.example.vn/api/thong-ke?nam={period}"), (source.Name, source.Url));
    }

    [Theory]
    [InlineData("\"items\": \"$.data.items[*]\",", "\"itmes\": \"$.data.items[*]\",", "/sources/0/itmes", "Unknown setting \"itmes\" for a source of type 'http-json'.")]
    [InlineData("\"url\": \"https://dvc.example.vn/api/thong-ke?nam={period}\"", "\"url\": \"ftp://dvc.example.vn/x\"", "/sources/0/url", "'ftp://dvc.example.vn/x' is not an absolute http:// or https:// URL.")]
    [InlineData("\"url\": \"https://dvc.example.vn/api/thong-ke?nam={period}\"", "\"url\": \"https://user:pw@dvc.example.vn/x?nam={period}\"", "/sources/0/url", "The URL holds a user name or password.")]
    [InlineData("\"url\": \"https://dvc.example.vn/api/thong-ke?nam={period}\"", "\"url\": \"https://dvc.example.vn/x\"", "/sources/0", "Say which period the items are for")]
    [InlineData("\"unitPath\": \"$.ma_don_vi\"", "\"unitPath\": \"$.don_vi[*]\"", "/sources/0/unitPath", "'$.don_vi[*]' ends with [*], which names many values; name one value here.")]
    [InlineData("\"unitPath\": \"$.ma_don_vi\"", "\"unitPath\": \"$.don_vi[x]\"", "/sources/0/unitPath", "'$.don_vi[x]' is not a JSON path this source reads: write [0], [1]… or ['name'].")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"measures\": { \"m1\": \"a\" }", "/sources/0", "Map the items in exactly one way")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"headers\": { \"Authorization\": \"Bearer abc\" }", "/sources/0/headers/Authorization", "The header \"Authorization\" is not taken from the configuration.")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"auth\": { \"tokenVariable\": \"eyJhbGciOi.JIUzI1NiJ9\" }", "/sources/0/auth/tokenVariable", "is not an environment variable name")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"resilience\": { \"attempts\": 0 }", "/sources/0/resilience/attempts", "\"attempts\" must be a whole number from 1 to 10.")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"resilience\": { \"attemptTimeoutSeconds\": 20, \"totalTimeoutSeconds\": 10 }", "/sources/0/resilience/totalTimeoutSeconds", "must be longer than \"attemptTimeoutSeconds\"")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"resilience\": { \"retries\": 3 }", "/sources/0/resilience/retries", "Unknown setting \"retries\" in \"resilience\"")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"paging\": { \"mode\": \"cursor\" }", "/sources/0/paging/mode", "Unknown paging mode 'cursor'.")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"paging\": { \"mode\": \"offset\" }", "/sources/0/paging/size", "Offset paging needs the page size")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"paging\": { \"mode\": \"next-link\" }", "/sources/0/paging/nextPath", "The setting \"nextPath\" is required")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"paging\": { \"mode\": \"next-link\", \"nextPath\": \"next\", \"size\": 5 }", "/sources/0/paging/size", "\"size\" belongs to the \"page\" and \"offset\" modes")]
    [InlineData("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"maxResponseBytes\": 10", "/sources/0/maxResponseBytes", "must be a whole number from 1024")]
    public void Create_WrongSetting_ThrowsWithItsPointer(string find, string replace, string pointer, string message)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var exception = Assert.Throws<DataSourceConfigurationException>(() => TestSources.Create(json));

        Assert.Equal(("sources.json", pointer), (exception.File, exception.Pointer));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TokenOverPlainHttpToAnotherMachine_IsRefused()
    {
        var json = Valid.Replace("https://dvc.example.vn", "http://dvc.example.vn", StringComparison.Ordinal)
            .Replace("\"valuePath\": \"$.gia_tri\"", "\"valuePath\": \"$.gia_tri\", \"auth\": { \"tokenVariable\": \"DVC_TOKEN\" }", StringComparison.Ordinal);

        var exception = Assert.Throws<DataSourceConfigurationException>(() => TestSources.Create(json));

        Assert.Equal("sources.json at /sources/0/url: The token in \"DVC_TOKEN\" would be sent unencrypted to dvc.example.vn. Use an https:// URL (plain http is allowed for the loopback address only).", exception.Message);
    }

    [Fact]
    public void CatalogParse_TwoBadSources_ListsBothProblems()
    {
        var catalog = new DataSourceCatalog([new HttpJsonSourceFactory()]);
        const string json = """
            { "sources": [
              { "name": "a", "type": "http-json", "url": "https://x.vn/a", "period": "2023", "items": "$", "unitPath": "u" },
              { "name": "b", "type": "http-json", "url": "https://x.vn/b", "period": "2023", "items": "$", "unitPath": "u", "measures": { "m1": "" } }
            ] }
            """;

        var exception = Assert.Throws<DataSourceConfigurationException>(() => catalog.Parse(json, "sources.json", TestSources.Workspace));

        Assert.Contains("error at /sources/0: Map the items in exactly one way", exception.Message, StringComparison.Ordinal);
        Assert.Contains("error at /sources/1/measures/m1: \"m1\" must be a non-empty string.", exception.Message, StringComparison.Ordinal);
    }
}
