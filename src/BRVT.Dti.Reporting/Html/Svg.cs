using System.Text;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Small helpers that write accessible SVG elements.</summary>
internal static class Svg
{
    /// <summary>Opens an <c>svg</c> element with a title and description that screen readers announce.</summary>
    public static void Open(StringBuilder html, string id, string chart, double width, double height, string title, string description)
    {
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").Append(id)
            .Append("\" data-chart=\"").Append(chart)
            .Append("\" viewBox=\"0 0 ").Append(HtmlText.N(width)).Append(' ').Append(HtmlText.N(height))
            .Append("\" width=\"").Append(HtmlText.N(width)).Append("\" height=\"").Append(HtmlText.N(height))
            .Append("\" role=\"img\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\" aria-label=\"").Append(HtmlText.Encode(title))
            .Append("\" preserveAspectRatio=\"xMinYMin meet\">")
            .Append("<title id=\"").Append(id).Append("-title\">").Append(HtmlText.Encode(title)).Append("</title>")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(HtmlText.Encode(description)).Append("</desc>");
    }

    public static void Close(StringBuilder html) => html.Append("</svg>\n");

    /// <summary>Writes a text element.</summary>
    public static void Text(StringBuilder html, double x, double y, string text, string? cssClass = null, string anchor = "start")
    {
        html.Append("<text x=\"").Append(HtmlText.N(x)).Append("\" y=\"").Append(HtmlText.N(y)).Append('"');
        if (anchor != "start")
        {
            html.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append('>').Append(HtmlText.Encode(text)).Append("</text>");
    }

    /// <summary>Writes a line.</summary>
    public static void Line(StringBuilder html, double x1, double y1, double x2, double y2, string cssClass)
    {
        html.Append("<line x1=\"").Append(HtmlText.N(x1)).Append("\" y1=\"").Append(HtmlText.N(y1))
            .Append("\" x2=\"").Append(HtmlText.N(x2)).Append("\" y2=\"").Append(HtmlText.N(y2))
            .Append("\" class=\"").Append(cssClass).Append("\"/>");
    }
}
