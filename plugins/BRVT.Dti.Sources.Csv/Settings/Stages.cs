using BRVT.Dti.Sources.Csv.Parsing;

namespace BRVT.Dti.Sources.Csv.Settings;

/// <summary>The assessment stages a value can carry in its provenance.</summary>
internal static class Stages
{
    public const string SelfAssessed = "self-assessed";
    public const string Verified = "verified";

    /// <summary>Reads a stage as written in a setting or a cell: <c>self-assessed</c> (<c>tự đánh giá</c>) or <c>verified</c> (<c>thẩm định</c>).</summary>
    public static string? Parse(ReadOnlySpan<char> text)
    {
        var value = TextKey.Normalize(text);
        return value.ToUpperInvariant() switch
        {
            "SELF-ASSESSED" or "SELF_ASSESSED" or "SELF" or "TỰ ĐÁNH GIÁ" or "TU-DANH-GIA" => SelfAssessed,
            "VERIFIED" or "THẨM ĐỊNH" or "ĐÃ THẨM ĐỊNH" or "THAM-DINH" => Verified,
            _ => null,
        };
    }
}
