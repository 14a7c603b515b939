namespace BRVT.Dti.Reporting.Model;

/// <summary>The labels of every report, in Vietnamese and English.</summary>
internal static class ReportLabels
{
    private static readonly Dictionary<string, (string Vi, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["all-units"] = ("Tất cả đơn vị", "All units"),
        ["band"] = ("Xếp loại", "Band"),
        ["bands"] = ("Phân loại", "Bands"),
        ["change"] = ("Thay đổi", "Change"),
        ["change-places"] = ("Thay đổi thứ hạng", "Rank change"),
        ["change-value"] = ("Thay đổi chỉ số", "Index change"),
        ["charts"] = ("Biểu đồ", "Charts"),
        ["code"] = ("Mã", "Code"),
        ["count"] = ("Số đơn vị", "Units"),
        ["data-sha"] = ("SHA-256 dữ liệu", "Data SHA-256"),
        ["definition-sha"] = ("SHA-256 bộ chỉ số", "Definition SHA-256"),
        ["description"] = ("Diễn giải", "Description"),
        ["difference"] = ("Chênh lệch", "Difference"),
        ["dti"] = ("Chỉ số DTI", "DTI"),
        ["explanation"] = ("Giải trình điểm", "Explanation"),
        ["filter"] = ("Lọc đơn vị…", "Filter units…"),
        ["group"] = ("Nhóm", "Group"),
        ["group-mean"] = ("Trung bình nhóm", "Group mean"),
        ["heatmap"] = ("Bản đồ nhiệt theo chỉ số chính", "Heatmap of the main indicators"),
        ["index"] = ("Bộ chỉ số", "Index"),
        ["indicator"] = ("Chỉ tiêu", "Indicator"),
        ["interval"] = ("Khoảng thứ hạng", "Rank interval"),
        ["intervals"] = ("Độ bất định của thứ hạng", "Rank uncertainty"),
        ["intervals-note"] = ("Đoạn thẳng: khoảng thứ hạng; chấm tròn: trung vị; hình thoi: thứ hạng công bố.", "Line: rank interval; dot: median; diamond: published rank."),
        ["issues"] = ("Vấn đề dữ liệu", "Data issues"),
        ["issues-none"] = ("Không có vấn đề dữ liệu.", "No data issues."),
        ["kind"] = ("Loại đơn vị", "Kind"),
        ["library"] = ("Phiên bản thư viện", "Library version"),
        ["location"] = ("Vị trí nguồn", "Source location"),
        ["main-indicators"] = ("Chỉ số chính", "Main indicators"),
        ["manifest"] = ("Thông tin tái lập kết quả", "Run manifest"),
        ["max-points"] = ("Điểm tối đa", "Max points"),
        ["measure"] = ("Tiêu chí đo", "Measure"),
        ["mean"] = ("Trung bình", "Mean"),
        ["median"] = ("Trung vị", "Median"),
        ["message"] = ("Nội dung", "Message"),
        ["moved-down"] = ("Giảm hạng nhiều nhất", "Largest falls"),
        ["moved-up"] = ("Tăng hạng nhiều nhất", "Largest rises"),
        ["movers"] = ("Biến động thứ hạng", "Top movers"),
        ["name"] = ("Tên đơn vị", "Name"),
        ["new"] = ("mới", "new"),
        ["no-band"] = ("Chưa xếp loại", "No band"),
        ["node-path"] = ("Đường dẫn chỉ tiêu", "Node path"),
        ["none"] = ("Không có.", "None."),
        ["not-ranked"] = ("Nhóm không xếp hạng", "Group not ranked"),
        ["observations"] = ("Số quan sát", "Observations"),
        ["options"] = ("Tuỳ chọn", "Options"),
        ["pairs-differ"] = ("{0} trên {1} giá trị tự đánh giá khác giá trị thẩm định (chỉ liệt kê các giá trị khác nhau; bảng đầy đủ trong tệp Excel).", "{0} of {1} self-assessed values differ from the verified ones (only those are listed; the workbook has them all)."),
        ["parent"] = ("Đơn vị cấp trên", "Parent"),
        ["period"] = ("Kỳ đánh giá", "Period"),
        ["points"] = ("Điểm", "Points"),
        ["points-per-node"] = ("Điểm theo chỉ tiêu", "Points per node"),
        ["previous-period"] = ("Kỳ trước", "Previous period"),
        ["profiles"] = ("Hồ sơ chỉ số chính của từng đơn vị", "Profile of each unit"),
        ["rank"] = ("Hạng", "Rank"),
        ["rank-previous"] = ("Hạng kỳ trước", "Previous rank"),
        ["rank-within-parent"] = ("Hạng trong đơn vị cấp trên", "Rank within parent"),
        ["ranking"] = ("Xếp hạng", "Ranking"),
        ["ranking-chart"] = ("Biểu đồ xếp hạng", "Ranking chart"),
        ["rule"] = ("Quy tắc", "Rule"),
        ["self-assessed"] = ("Tự đánh giá", "Self-assessed"),
        ["self-vs-verified"] = ("Tự đánh giá và thẩm định", "Self-assessed vs verified"),
        ["self-vs-verified-none"] = ("Không có cặp giá trị tự đánh giá – thẩm định.", "No self-assessed and verified pairs."),
        ["source"] = ("Nguồn", "Source"),
        ["stage"] = ("Giai đoạn", "Stage"),
        ["summary"] = ("Tóm tắt", "Summary"),
        ["unit"] = ("Đơn vị", "Unit"),
        ["units"] = ("Danh sách đơn vị", "Units"),
        ["value"] = ("Giá trị", "Value"),
        ["value-previous"] = ("Chỉ số kỳ trước", "Previous index"),
        ["verified"] = ("Thẩm định", "Verified"),
        ["version"] = ("Phiên bản", "Version"),
        ["year-over-year"] = ("So sánh với kỳ trước", "Year over year"),
    };

    /// <summary>The label in a language (<c>en</c>, otherwise Vietnamese).</summary>
    /// <param name="key">The label's key.</param>
    /// <param name="language">The language code.</param>
    /// <returns>The label.</returns>
    public static string Get(string key, string language)
    {
        var (vi, en) = Labels[key];
        return IsEnglish(language) ? en : vi;
    }

    /// <summary>The English label, for a gloss beside the Vietnamese one.</summary>
    /// <param name="key">The label's key.</param>
    /// <returns>The English label.</returns>
    public static string English(string key) => Labels[key].En;

    /// <summary>Whether a language code is English.</summary>
    /// <param name="language">The language code.</param>
    /// <returns><see langword="true"/> for <c>en</c> in any case.</returns>
    public static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
}
