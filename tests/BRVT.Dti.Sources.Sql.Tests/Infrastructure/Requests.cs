using BRVT.Dti.Data;
using BRVT.Dti.Definitions;

namespace BRVT.Dti.Sources.Sql.Tests.Infrastructure;

/// <summary>Builders of read requests: units, observed and derived measures.</summary>
public static class Requests
{
    public static UnitInfo Unit(string id) => new() { Id = id, Name = new LocalizedText(id), Kind = "agency" };

    public static MeasureDefinition Observed(string id) => new() { Id = id, Name = new LocalizedText(id) };

    public static MeasureDefinition Derived(string id, string function, string? field = null, string? filter = null, string? denominatorFilter = null, string records = "dossiers") => new()
    {
        Id = id,
        Name = new LocalizedText(id),
        Derivation = new MeasureDerivation { Records = records, Function = function, Field = field, Filter = filter, DenominatorFilter = denominatorFilter },
    };

    public static SourceReadRequest Request(IEnumerable<MeasureDefinition> measures, IEnumerable<string> units, string period = "2023", RejectionMode mode = RejectionMode.Lenient) =>
        new([.. measures], period, [.. units.Select(Unit)], mode);

    public static async Task<SourceReadResult> ReadAsync(IDataSource source, SourceReadRequest request)
    {
        var result = await source.ReadAsync(request);
        Assert.True(result.Account.Balances, $"The account does not balance: read {result.Account.RowsRead}, accepted {result.Account.RowsAccepted}, rejected {result.Account.Rejected.Count}.");
        return result;
    }

    /// <summary>Observations as comparable text, in a fixed order: unit, measure, period, value (R format), stage.</summary>
    public static IReadOnlyList<string> Show(IEnumerable<Observation> observations) =>
        [.. observations
            .Select(o => $"{o.UnitId}|{o.MeasureId}|{o.Period}|{o.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}|{o.Provenance.Stage}")
            .Order(StringComparer.Ordinal)];
}
