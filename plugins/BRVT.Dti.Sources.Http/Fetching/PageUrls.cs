using System.Globalization;
using System.Text;

namespace BRVT.Dti.Sources.Http.Fetching;

/// <summary>Builds page URLs: the period in the URL, and a query parameter set (replacing any value it had).</summary>
internal static class PageUrls
{
    public static Uri WithPeriod(string template, string period) =>
        new(template.Replace(Settings.HttpSourceSettings.PeriodPlaceholder, Uri.EscapeDataString(period), StringComparison.Ordinal), UriKind.Absolute);

    public static Uri WithParameter(Uri url, string name, long value)
    {
        var encodedName = Uri.EscapeDataString(name);
        var query = url.Query.TrimStart('?');
        var parts = query.Length == 0
            ? []
            : query.Split('&').Where(p => !string.Equals(p.Split('=', 2)[0], encodedName, StringComparison.Ordinal) && !string.Equals(Uri.UnescapeDataString(p.Split('=', 2)[0]), name, StringComparison.Ordinal)).ToList();
        parts.Add($"{encodedName}={value.ToString(CultureInfo.InvariantCulture)}");
        var builder = new UriBuilder(url) { Query = string.Join('&', parts) };
        return builder.Uri;
    }

    /// <summary>Whether two URLs have the same scheme, host and port (a token may go to both).</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    public static string Describe(IEnumerable<string> parts) => new StringBuilder().AppendJoin(", ", parts).ToString();
}
