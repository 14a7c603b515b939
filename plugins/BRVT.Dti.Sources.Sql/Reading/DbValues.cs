using System.Globalization;
using System.Numerics;

namespace BRVT.Dti.Sources.Sql.Reading;

/// <summary>Turns the values ADO.NET providers return into numbers and ids, culture-invariantly and without throwing.</summary>
internal static class DbValues
{
    /// <summary>Whether a value is SQL NULL.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> for NULL.</returns>
    public static bool IsNull(object? value) => value is null or DBNull;

    /// <summary>Whether a CLR type (as a provider reports a column) holds numbers.</summary>
    /// <param name="type">The column's type.</param>
    /// <returns><see langword="true"/> for integer, floating-point and decimal types.</returns>
    public static bool IsNumericType(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(long) || type == typeof(int)
        || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ulong) || type == typeof(uint)
        || type == typeof(ushort) || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(Half);

    /// <summary>Whether a CLR type holds whole numbers.</summary>
    /// <param name="type">The column's type.</param>
    /// <returns><see langword="true"/> for integer types.</returns>
    public static bool IsIntegerType(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte) || type == typeof(byte)
        || type == typeof(ulong) || type == typeof(uint) || type == typeof(ushort) || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128);

    /// <summary>The database type of a value read back from a column, to send it again as a parameter.</summary>
    /// <param name="value">The value; not NULL.</param>
    /// <returns>Its type.</returns>
    public static System.Data.DbType TypeOf(object value) => value switch
    {
        string => System.Data.DbType.String,
        long => System.Data.DbType.Int64,
        int => System.Data.DbType.Int32,
        short => System.Data.DbType.Int16,
        byte => System.Data.DbType.Byte,
        double => System.Data.DbType.Double,
        float => System.Data.DbType.Single,
        decimal => System.Data.DbType.Decimal,
        bool => System.Data.DbType.Boolean,
        Guid => System.Data.DbType.Guid,
        DateTime => System.Data.DbType.DateTime,
        byte[] => System.Data.DbType.Binary,
        _ => System.Data.DbType.Object,
    };

    /// <summary>Reads a number: any numeric type, a boolean (1 or 0), or text that is a number in invariant notation.</summary>
    /// <param name="value">The value; not NULL.</param>
    /// <param name="number">The number; may be infinite or NaN when the database holds such a floating-point value.</param>
    /// <returns><see langword="false"/> when the value is not a number (other text, a date, bytes…).</returns>
    public static bool TryNumber(object value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case long l: number = l; return true;
            case int i: number = i; return true;
            case short s: number = s; return true;
            case sbyte sb: number = sb; return true;
            case byte b: number = b; return true;
            case ulong ul: number = ul; return true;
            case uint ui: number = ui; return true;
            case ushort us: number = us; return true;
            case BigInteger big: number = ToDouble(big); return true;
            case Int128 i128: number = (double)i128; return true;
            case UInt128 u128: number = (double)u128; return true;
            case Half h: number = (double)h; return true;
            case bool flag: number = flag ? 1 : 0; return true;
            case string text:
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = double.NaN;
                return false;
        }
    }

    /// <summary>
    /// The double nearest to a big integer, as the database's own cast gives it: <c>(double)BigInteger</c> truncates
    /// beyond 2^53 (10^30 would become 9.999999999999999E+29), so large values are converted through their digits.
    /// </summary>
    /// <param name="value">The integer.</param>
    /// <returns>The nearest double (an infinity beyond the range of doubles).</returns>
    public static double ToDouble(BigInteger value) => BigInteger.Abs(value) <= (BigInteger.One << 53)
        ? (double)value
        : double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>Reads an id or a period as text: text is trimmed, whole numbers are written without decimals.</summary>
    /// <param name="value">The value; not NULL.</param>
    /// <returns>The text; empty when the value is blank text.</returns>
    public static string Text(object value) => value switch
    {
        string text => text.Trim(),
        double d when double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        decimal m when decimal.Truncate(m) == m => decimal.Truncate(m).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Shows a value in a message: text in quotes, cut to 60 characters.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text to show.</returns>
    public static string Show(object? value)
    {
        if (IsNull(value))
        {
            return "NULL";
        }

        var text = value is string s ? s : Text(value!);
        text = text.Length > 60 ? text[..60] + "…" : text;
        return value is string ? $"'{text}'" : text;
    }
}
