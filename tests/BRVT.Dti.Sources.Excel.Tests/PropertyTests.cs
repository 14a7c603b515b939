using System.Globalization;
using BRVT.Dti.Data;
using BRVT.Dti.Definitions;
using BRVT.Dti.Sources.Excel.Sheets;
using BRVT.Dti.Sources.Excel.Tests.Workbooks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BRVT.Dti.Sources.Excel.Tests;

public sealed class PropertyTests
{
    [Property(MaxTest = 500)]
    public bool CellAddress_FormatThenParse_RoundTrips(PositiveInt row, PositiveInt column)
    {
        var address = new CellAddress(((row.Get - 1) % CellAddress.MaxRow) + 1, ((column.Get - 1) % CellAddress.MaxColumn) + 1);
        return CellAddress.TryParse(address.ToString(), out var parsed) && parsed == address;
    }

    [Property(MaxTest = 12)]
    public Property ReadBothStagesAsync_AnyGridOfValues_ReadsEveryCellBackExactly() =>
        Prop.ForAll(Grids().ToArbitrary(), grid =>
        {
            using var workspace = new TempWorkspace();
            var units = Enumerable.Range(0, grid.Length).Select(u => new UnitInfo { Id = $"u{u}", Name = new LocalizedText($"Đơn vị {u}"), Kind = "agency" }).ToArray();
            var measureCount = grid[0].Length;
            var measures = Enumerable.Range(0, measureCount).Select(m => new MeasureDefinition { Id = $"m{m}", Name = new LocalizedText($"m{m}") }).ToArray();
            var book = new TestWorkbook();
            var sheet = book.Sheet("Dữ liệu").Set("A1", "Đơn vị").Set("A2", "Mã");
            for (var m = 0; m < measureCount; m++)
            {
                sheet.Set($"{(char)('B' + m)}1", "Tự chấm").Set($"{(char)('B' + m)}2", $"M{m}");
                sheet.Set($"{(char)('B' + measureCount + m)}1", "Thẩm định").Set($"{(char)('B' + measureCount + m)}2", $"M{m}");
            }

            sheet.Merge($"B1:{(char)('A' + measureCount)}1").Merge($"{(char)('B' + measureCount)}1:{(char)('A' + (2 * measureCount))}1");
            for (var u = 0; u < grid.Length; u++)
            {
                sheet.Set($"A{u + 3}", $"u{u}");
                for (var m = 0; m < measureCount; m++)
                {
                    if (grid[u][m] is { } selfValue)
                    {
                        sheet.Set($"{(char)('B' + m)}{u + 3}", selfValue);
                    }

                    if (grid[u][m] is { } verified)
                    {
                        sheet.Set($"{(char)('B' + measureCount + m)}{u + 3}", -verified);
                    }
                }
            }

            book.Save(workspace.PathOf("grid.xlsx"));
            var self = string.Join(", ", Enumerable.Range(0, measureCount).Select(m => $"\"m{m}\": \"Tự chấm M{m}\""));
            var verifiedColumns = string.Join(", ", Enumerable.Range(0, measureCount).Select(m => $"\"m{m}\": \"thẩm định m{m}\""));
            var reader = workspace.Reader($$"""{ "path": "grid.xlsx", "layout": "row-per-unit", "period": "2023", "unitColumn": "Đơn vị Mã", "measures": { {{self}} }, "verifiedColumns": { {{verifiedColumns}} } }""");

            var result = reader.ReadBothStagesAsync(new SourceReadRequest(measures, "2023", units)).AsTask().GetAwaiter().GetResult();

            var expected = Enumerable.Range(0, grid.Length).SelectMany(u => Enumerable.Range(0, measureCount).Select(m => (u, m))).ToArray();
            var ok = result.Account.Balances
                && result.Account.Rejected.Count == 0
                && result.Account.RowsRead == 2L * expected.Length
                && result.Pairs.Count == expected.Length;
            foreach (var ((u, m), pair) in expected.Zip(result.Pairs))
            {
                var value = grid[u][m];
                ok &= pair.UnitId == $"u{u}" && pair.MeasureId == $"m{m}"
                    && Same(value, pair.SelfAssessed!.Value) && Same(-value, pair.Verified!.Value)
                    && pair.SelfAssessed.Provenance.Location == $"grid.xlsx 'Dữ liệu'!{(char)('B' + m)}{(u + 3).ToString(CultureInfo.InvariantCulture)}";
            }

            return ok.Label($"{grid.Length} units × {measureCount} measures: {result.Account.RowsRead} read, {result.Account.Rejected.Count} rejected, {result.Pairs.Count} pairs");
        });

    private static bool Same(double? expected, double actual) => expected is { } e ? e.Equals(actual) : double.IsNaN(actual);

    private static Gen<double?[][]> Grids() =>
        from units in Gen.Choose(1, 6)
        from measures in Gen.Choose(1, 4)
        from cells in Gen.ArrayOf(Value(), units * measures)
        select Enumerable.Range(0, units).Select(u => cells.Skip(u * measures).Take(measures).ToArray()).ToArray();

    private static Gen<double?> Value() => Gen.OneOf(
        Gen.Constant<double?>(null),
        Gen.Choose(-1000, 1000).Select(i => (double?)i),
        ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (double?)f.Get));
}
