using System.Text.Json;
using BRVT.Dti.Data;

namespace BRVT.Dti.TestPlugins;

/// <summary>
/// The <c>fixed</c> source type: <c>"values": { "&lt;unit&gt;": number, … }</c> gives each listed unit that value for every
/// requested measure. Each entry is a row: accepted for a requested unit, rejected (with its pointer) otherwise.
/// </summary>
public sealed class FixedSourceFactory : IDataSourceFactory
{
    public string Type => "fixed";

    public IDataSource Create(DataSourceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.Settings.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer + "/values",
                "Give \"values\" as an object of unit ids and numbers, e.g. { \"u1\": 0.5 }.");
        }

        var rows = new List<(string Unit, double Value)>();
        foreach (var property in values.EnumerateObject())
        {
            if (!property.Value.TryGetDouble(out var value))
            {
                throw new DataSourceConfigurationException(configuration.ConfigurationFile, configuration.Pointer + "/values/" + property.Name,
                    $"The value of unit '{property.Name}' must be a number.");
            }

            rows.Add((property.Name, value));
        }

        return new FixedSource(configuration.Name, configuration.ConfigurationFile + "#" + configuration.Pointer + "/values/", rows);
    }

    private sealed class FixedSource(string name, string location, IReadOnlyList<(string Unit, double Value)> rows) : IDataSource
    {
        public string Name => name;

        public ValueTask<SourceReadResult> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
        {
            var units = request.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            var observations = new List<Observation>();
            var rejected = new List<RejectedRow>();
            foreach (var (unit, value) in rows)
            {
                if (!units.Contains(unit))
                {
                    rejected.Add(new RejectedRow(location + unit, $"Unit '{unit}' is not one of the units assessed; remove it or add the unit."));
                    continue;
                }

                foreach (var measure in request.Measures)
                {
                    observations.Add(new Observation(unit, measure.Id, request.Period, value, new Provenance(name, location + unit)));
                }
            }

            return ValueTask.FromResult(new SourceReadResult(observations, new SourceAccount(name, rows.Count, rows.Count - rejected.Count, rejected)));
        }
    }
}
