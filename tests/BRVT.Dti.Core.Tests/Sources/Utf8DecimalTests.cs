using System.Globalization;
using System.Text;
using BRVT.Dti.Sources;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Tests.Sources;

public sealed class Utf8DecimalTests
{
    private static readonly Gen<string> Plain =
        from sign in Gen.Elements("", "", "-", "+")
        from whole in Gen.Choose(0, 9).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n))
        from point in Gen.Elements(true, false)
        from fraction in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n))
        select sign + string.Concat(whole) + (point ? "." + string.Concat(fraction) : "");

    [Property(MaxTest = 2000)]
    public Property TryParse_PlainDecimals_SameBitsAsDoubleParseOrDeclined() =>
        Prop.ForAll(Gen.OneOf(Plain, Gen.Elements("1e3", " 1", "1 ", "1,5", "..", "-", "+.", "٣", "12345678901234567", "0.12345678901234567890123")).ToArbitrary(), text =>
        {
            var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
            var taken = Utf8Decimal.TryParse(Encoding.UTF8.GetBytes(text), out var value);

            // Taken only when double.Parse agrees bit for bit; declined only for what is not a short plain decimal.
            return taken
                ? (parsed && BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value)).Label($"'{text}': {value:R} vs {expected:R}")
                : (!parsed || text.Any(c => c is 'e' or ' ') || text.Count(char.IsAsciiDigit) > 15).Label($"'{text}' declined");
        });
}
