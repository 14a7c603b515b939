using System.Globalization;

namespace BRVT.Dti.Tests.Scoring.Formulas;

/// <summary>Bit-for-bit comparison of doubles, where every NaN equals every NaN.</summary>
internal static class Bits
{
    public static bool Same(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    public static string Show(double value) => string.Create(
        CultureInfo.InvariantCulture, $"{value:R} (0x{BitConverter.DoubleToInt64Bits(value):X16})");
}
