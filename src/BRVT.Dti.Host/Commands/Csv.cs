namespace BRVT.Dti.Host.Commands;

/// <summary>CSV field quoting (RFC 4180), shared by the CSV the host writes.</summary>
internal static class Csv
{
    public static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
