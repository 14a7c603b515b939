using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Results;

namespace BRVT.Dti;

/// <summary>
/// Writes assessment results as JSON: deterministic (identical results give byte-identical text), numbers in full
/// round-trip precision, a missing value as <c>null</c>, and the manifest included.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class AssessmentResultJson
{
    /// <summary>Bytes held by the writer before they are passed to the stream (a result of 10,000 units is 18 MiB).</summary>
    private const int FlushThreshold = 1 << 16;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes a result as JSON text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text (UTF-8 when written to a file, with no BOM).</returns>
    public static string Serialize(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a result as UTF-8 JSON to a stream.</summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Stream">The stream to write to; it is not closed.</param>
    public static void Write(AssessmentResult result, Stream utf8Stream) => Write(result, utf8Stream, CancellationToken.None);

    /// <summary>
    /// Writes a result as UTF-8 JSON to a stream, checking the token at every unit and issue and passing the text on
    /// every 64 KiB rather than holding all of it.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Stream">The stream to write to; it is not closed. Part of the JSON may have been written to it when the writing is cancelled.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Write(AssessmentResult result, Stream utf8Stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(utf8Stream);
        cancellationToken.ThrowIfCancellationRequested();
        using var writer = new Utf8JsonWriter(utf8Stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("indexId", result.IndexId);
        writer.WriteString("indexVersion", result.IndexVersion);
        writer.WriteString("period", result.Period);
        WriteManifest(writer, result.Manifest);
        writer.WriteStartArray("nodes");
        foreach (var node in result.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", node.Id);
            writer.WriteString("code", node.Code);
            WriteText(writer, "name", node.Name);
            writer.WriteNumber("parent", node.Parent);
            writer.WriteNumber("depth", node.Depth);
            writer.WriteBoolean("isLeaf", node.IsLeaf);
            WriteNumber(writer, "maxPoints", node.MaxPoints);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("views");
        foreach (var view in result.Views)
        {
            writer.WriteStartObject();
            writer.WriteString("id", view.Id);
            writer.WriteString("code", view.Code);
            WriteText(writer, "name", view.Name);
            writer.WriteStartArray("nodes");
            foreach (var id in view.Nodes)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            WriteNumber(writer, "maxPoints", view.MaxPoints);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("units");
        foreach (var unit in result.Units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteUnit(writer, unit, result);
            if (writer.BytesPending > FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("issues");
        foreach (var issue in result.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.WriteStartObject();
            writer.WriteString("code", issue.Code);
            writer.WriteString("message", issue.Message);
            if (issue.Provenance is { } provenance)
            {
                WriteProvenance(writer, provenance);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteUnit(Utf8JsonWriter writer, UnitResult unit, AssessmentResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("id", unit.Unit.Id);
        WriteText(writer, "name", unit.Unit.Name);
        writer.WriteString("kind", unit.Unit.Kind);
        WriteOptional(writer, "group", unit.Unit.Group);
        WriteOptional(writer, "parent", unit.Unit.ParentId);
        WriteOptional(writer, "rank", unit.Rank);
        WriteOptional(writer, "rankWithinParent", unit.RankWithinParent);
        WriteOptional(writer, "band", unit.Band);
        writer.WritePropertyName("total");
        WriteScore(writer, unit.Total, null);
        writer.WriteStartArray("nodes");
        for (var n = 0; n < unit.Nodes.Count; n++)
        {
            WriteScore(writer, unit.Nodes[n], result.Nodes[n].Id);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("views");
        for (var v = 0; v < unit.Views.Count; v++)
        {
            WriteScore(writer, unit.Views[v], result.Views[v].Id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter writer, NodeScore score, string? id)
    {
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        WriteNumber(writer, "points", score.Points);
        WriteNumber(writer, "maxPoints", score.MaxPoints);
        WriteNumber(writer, "value", score.Value);
        if (score.Flags != ScoreFlags.None)
        {
            writer.WriteString("flags", score.Flags.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteManifest(Utf8JsonWriter writer, RunManifest manifest)
    {
        writer.WriteStartObject("manifest");
        writer.WriteString("indexId", manifest.IndexId);
        writer.WriteString("indexVersion", manifest.IndexVersion);
        writer.WriteString("definitionSha256", manifest.DefinitionSha256);
        writer.WriteString("dataSha256", manifest.DataSha256);
        writer.WriteString("libraryVersion", manifest.LibraryVersion);
        writer.WriteString("period", manifest.Period);
        writer.WriteNumber("unitCount", manifest.UnitCount);
        writer.WriteNumber("observationCount", manifest.ObservationCount);
        writer.WriteStartObject("options");
        foreach (var (key, value) in manifest.Options)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter writer, Provenance provenance)
    {
        writer.WriteStartObject("provenance");
        writer.WriteString("source", provenance.Source);
        writer.WriteString("location", provenance.Location);
        WriteOptional(writer, "stage", provenance.Stage);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("vi", text.Vi);
        WriteOptional(writer, "en", text.En);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            // "R" keeps full precision and is stable across runs and machines.
            writer.WritePropertyName(name);
            writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
