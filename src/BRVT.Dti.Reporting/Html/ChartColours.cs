using System.Globalization;

namespace BRVT.Dti.Reporting.Html;

/// <summary>Colours of the charts: a sequential blue scale for shares, colour-blind safe and readable in grey print.</summary>
internal static class ChartColours
{
    /// <summary>Stops of the sequential scale at 0, ¼, ½, ¾ and 1.</summary>
    private static readonly (int R, int G, int B)[] Stops = [(0xf1, 0xf6, 0xfb), (0xc6, 0xdb, 0xef), (0x6b, 0xae, 0xd6), (0x21, 0x71, 0xb5), (0x08, 0x30, 0x6b)];

    public const string Missing = "#e6e9ee";

    public const string Neutral = "#4a6fa5";

    public const string Up = "#1b7f3b";

    public const string Down = "#c0392b";

    /// <summary>The colour of a share in 0..1 (clamped).</summary>
    public static string Sequential(double value)
    {
        if (!double.IsFinite(value))
        {
            return Missing;
        }

        var position = Math.Clamp(value, 0, 1) * (Stops.Length - 1);
        var index = Math.Min((int)Math.Floor(position), Stops.Length - 2);
        var t = position - index;
        var (r0, g0, b0) = Stops[index];
        var (r1, g1, b1) = Stops[index + 1];
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r0, r1, t):x2}{Mix(g0, g1, t):x2}{Mix(b0, b1, t):x2}");
    }

    /// <summary>Whether text on <see cref="Sequential"/>'s colour should be white.</summary>
    public static bool DarkBackground(double value) => double.IsFinite(value) && value > 0.58;

    private static int Mix(int a, int b, double t) => (int)Math.Round(a + ((b - a) * t));
}
