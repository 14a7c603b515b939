namespace BRVT.Dti.Reporting.Excel;

/// <summary>A cell of a worksheet being built: text, or a number (empty when not finite), with a style.</summary>
/// <param name="Text">The text, or <see langword="null"/> for a number.</param>
/// <param name="Number">The number when <paramref name="Text"/> is <see langword="null"/>.</param>
/// <param name="Style">The style.</param>
internal readonly record struct XlsxCell(string? Text, double Number, XlsxStyle Style)
{
    public static XlsxCell Empty => new(string.Empty, 0, XlsxStyle.Text);

    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Text) => new(text ?? string.Empty, 0, style);

    public static XlsxCell Of(double number, XlsxStyle style) => new(null, number, style);

    public static XlsxCell Of(int? number) => number is { } value ? new(null, value, XlsxStyle.Integer) : Empty;

    /// <summary>The text's length or the number's formatted length, for column widths.</summary>
    public int Width => Text?.Length ?? Style switch
    {
        XlsxStyle.Integer => 4,
        XlsxStyle.Points => 9,
        _ => 8,
    };
}
