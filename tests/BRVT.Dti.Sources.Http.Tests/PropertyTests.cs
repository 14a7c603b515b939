using System.Globalization;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Sources.Http.Json;
using BRVT.Dti.Sources.Http.Reading;
using BRVT.Dti.Sources.Http.Settings;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Http.Tests;

public sealed class PropertyTests
{
    private static readonly HttpSourceSettings Long = HttpSourceSettings.Parse(new SettingsReader(TestSources.Configuration("""
        { "url": "https://dvc.example.vn/api", "items": "$.items[*]", "unitPath": "u", "periodPath": "p", "measurePath": "m", "valuePath": "v" }
        """)));

    private static readonly Uri Url = new("https://dvc.example.vn/api?page=1");

    /// <summary>An item: valid, or wrong in one way. Kind 0 is valid; the others are rejected (a valid repeat is a duplicate).</summary>
    private enum Flaw
    {
        None,
        UnknownUnit,
        OtherPeriod,
        TextValue,
        ComputedMeasure,
        NotAnObject,
        NoValue,
    }

    [Property(MaxTest = 300)]
    public Property ItemLedger_AnyItems_AccountBalancesAndKeepsTheFirstOfEachKey() =>
        Prop.ForAll(Items().ToArbitrary(), items =>
        {
            var ledger = new ItemLedger("api", Long, Assessment.Request());
            for (var i = 0; i < items.Length; i++)
            {
                using var document = JsonDocument.Parse(Json(items[i]));
                ledger.Add(Url, "/items/" + i.ToString(CultureInfo.InvariantCulture), document.RootElement);
            }

            var account = ledger.Account();
            var observations = ledger.Observations(Url, 1);
            var expected = items.Where(i => i.Flaw == Flaw.None).DistinctBy(i => (i.Unit, i.Measure)).ToArray();
            var firstIndex = items.Select((item, index) => (item, index)).Where(x => x.item.Flaw == Flaw.None).DistinctBy(x => (x.item.Unit, x.item.Measure)).Select(x => x.index).ToArray();
            return (account.Balances
                    && account.RowsRead == items.Length
                    && account.Rejected.Count == items.Length - expected.Length
                    && observations.Select(o => (o.UnitId, o.MeasureId, o.Value)).SequenceEqual(expected.Select(e => (e.Unit, e.Measure, e.Value)))
                    && observations.Select(o => o.Provenance.Location).SequenceEqual(firstIndex.Select(i => $"{Url}#/items/{i.ToString(CultureInfo.InvariantCulture)}"))
                    && account.Rejected.All(r => r.Location.StartsWith(Url + "#/items/", StringComparison.Ordinal) && r.Reason.Length > 0))
                .Label($"{items.Length} items: {account.RowsRead} read, {account.RowsAccepted} accepted, {account.Rejected.Count} rejected, {expected.Length} expected");
        });

    [Property(MaxTest = 300)]
    public bool JsonPath_QuotedNames_FindTheValueAndGiveItsPointer(NonEmptyString first, NonEmptyString second)
    {
        string Quote(string name) => "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
        var a = first.Get;
        var b = second.Get;
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object> { [a] = new object[] { new Dictionary<string, int> { [b] = 7 } } }));

        return JsonPath.TryParse("$" + Quote(a) + "[0]" + Quote(b), out var path, out _)
            && path!.TryFind(document.RootElement, out var value) && value.GetInt32() == 7
            && path.Pointer == "/" + Escape(a) + "/0/" + Escape(b);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Json((string Unit, string Measure, double Value, Flaw Flaw) item) => item.Flaw switch
    {
        Flaw.NotAnObject => "[1]",
        Flaw.NoValue => $$"""{ "u": "{{item.Unit}}", "p": 2023, "m": "{{item.Measure}}" }""",
        _ => $$"""
            { "u": "{{(item.Flaw == Flaw.UnknownUnit ? "x-" + item.Unit : item.Unit)}}", "p": {{(item.Flaw == Flaw.OtherPeriod ? 2022 : 2023)}},
              "m": "{{(item.Flaw == Flaw.ComputedMeasure ? "m4" : item.Measure)}}",
              "v": {{(item.Flaw == Flaw.TextValue ? "\"n/a\"" : item.Value.ToString("R", CultureInfo.InvariantCulture))}} }
            """,
    };

    private static Gen<(string Unit, string Measure, double Value, Flaw Flaw)[]> Items() =>
        Gen.ArrayOf(
            from unit in Gen.Elements("so-yt", "so-gd", "p1")
            from measure in Gen.Elements("m1", "m2", "m3")
            from value in ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get)
            from flaw in Gen.Frequency((6, Gen.Constant(Flaw.None)), (1, Gen.Elements(Enum.GetValues<Flaw>())))
            select (unit, measure, value, flaw));
}
