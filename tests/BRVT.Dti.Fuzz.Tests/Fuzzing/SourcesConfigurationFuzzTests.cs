using System.Diagnostics;
using BRVT.Dti.Data;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Sources;
using BRVT.Dti.Sources.Csv;
using BRVT.Dti.Sources.Excel;
using BRVT.Dti.Sources.Http;
using BRVT.Dti.Sources.Sql;
using BRVT.Dti.Validation;
using BRVT.Dti.TestUtilities;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// <c>sources.json</c> comes from the evaluator's office but is hand-edited: mutated, it must be reported by
/// <see cref="DataSourceCatalog.Validate"/> (never throwing) and refused by <see cref="DataSourceCatalog.Parse"/> with a
/// <see cref="DataSourceConfigurationException"/> only, whichever of the four plugins' factories reads it.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class SourcesConfigurationFuzzTests(FuzzFigures figures, ITestOutputHelper output) : IDisposable
{
    private const int Cases = 3000;

    /// <summary>One source of every type the four plugins provide, as the READMEs write them.</summary>
    private const string Valid = """
        { "sources": [
          { "name": "so-lieu", "type": "csv-long", "path": "data/so-lieu.csv", "decimalComma": false, "rejectsFile": "out/rejects.csv",
            "mapping": { "unit": "ma_don_vi", "period": "nam", "measure": "chi_so", "value": "gia_tri" } },
          { "name": "chi-so", "type": "csv-wide", "path": "data/chi-so.csv", "ignoreColumns": ["ten_don_vi", "ghi_chu"] },
          { "name": "ho-so", "type": "csv-records", "path": "data/ho-so.csv", "records": "dossiers",
            "mapping": { "unit": "ma_don_vi", "date": "ngay_tiep_nhan", "id": "ma_ho_so" }, "dateFormat": ["dd/MM/yyyy", "yyyy-MM-dd"],
            "fields": { "Trực tuyến": "online", "Đúng hạn": "on_time" } },
          { "name": "tu-danh-gia", "type": "xlsx", "path": "data/tu-danh-gia.xlsx", "layout": "sheet-per-unit", "unitFrom": "B4", "periodCell": "B5",
            "columns": { "measure": "Mã chỉ tiêu", "selfAssessed": "Tự đánh giá", "verified": "Thẩm định" }, "use": "verified" },
          { "name": "tong-hop", "type": "xlsx", "path": "data/tong-hop.xlsx", "layout": "row-per-unit", "sheet": "Tổng hợp",
            "unitColumn": "Mã đơn vị", "periodColumn": "Năm", "measures": { "m1": "Hạ tầng", "m2": "Dịch vụ" } },
          { "name": "tthc", "type": "sqlite", "path": "data/tthc.db",
            "observations": { "table": "chi_tieu", "columns": { "unit": "ma_don_vi", "measure": "chi_tieu", "period": "nam", "value": "gia_tri" } },
            "records": { "dossiers": { "table": "ho_so", "columns": { "unit": "ma_co_quan", "period": "nam", "key": "ma_ho_so" },
              "fields": { "online": "truc_tuyen", "days": "so_ngay" } } } },
          { "name": "dvc", "type": "postgres", "connectionString": "Host=127.0.0.1;Database=dvc;Username=dti_reader",
            "records": { "dossiers": { "table": "bao_cao.ho_so", "columns": { "unit": "agency_id", "period": "year" }, "fields": { "online": "online" } } } },
          { "name": "kho", "type": "duckdb", "path": "data/kho.duckdb", "observations": [ { "table": "tu_danh_gia" }, { "table": "tham_dinh" } ] },
          { "name": "cong-dvc", "type": "http-json", "url": "https://dichvucong.example.gov.vn/api/thong-ke?nam={period}",
            "headers": { "Accept-Language": "vi" }, "auth": { "tokenVariable": "DVC_API_TOKEN" },
            "paging": { "mode": "page", "parameter": "page", "sizeParameter": "pageSize", "size": 100, "maxPages": 200 },
            "resilience": { "attempts": 4, "attemptTimeoutSeconds": 10, "totalTimeoutSeconds": 30, "retryDelaySeconds": 2 },
            "items": "$.data.items[*]", "unitPath": "$.ma_don_vi", "periodPath": "$.nam", "measurePath": "$.ma_chi_so", "valuePath": "$.gia_tri" }
        ] }
        """;

    private readonly TempFolder folder = new("dti-fuzz-");

    private static DataSourceCatalog Catalog() => new(
    [
        new CsvLongSourceFactory(), new CsvWideSourceFactory(), new CsvRecordsSourceFactory(), new ExcelSourceFactory(),
        new SqliteSourceFactory(), new PostgresSourceFactory(), new DuckDbSourceFactory(), new HttpJsonSourceFactory(),
    ]);

    private string root => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ValidateAndParse_MutatedSourcesJson_ReportLocatedProblemsAndThrowOnlyConfigurationErrors()
    {
        var catalog = Catalog();
        Assert.DoesNotContain(catalog.Validate(Valid, "sources.json", root), p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(9, Dispose(catalog.Parse(Valid, "sources.json", root)));

        var run = new FuzzRun("sources.json (mutated, 8 source types of 4 plugins)");
        var watch = Stopwatch.StartNew();
        run.Check(Gen.Choose(0, int.MaxValue), Cases, seed =>
        {
            var random = new Random(seed);
            var json = System.Text.Encoding.UTF8.GetString(JsonMutator.Mutate(Valid, random));
            var problems = catalog.Validate(json, "sources.json", root);
            Assert.All(problems, p => Assert.True(p.File == "sources.json" && p.Line >= 1 && p.Column >= 1 && p.Message.Length > 0, $"seed {seed}: unlocated {p}"));
            var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
            try
            {
                Dispose(catalog.Parse(json, "sources.json", root));
                Assert.True(errors == 0, $"seed {seed}: Validate found {errors} error(s) but Parse accepted the file");
                return "accepted";
            }
            catch (DataSourceConfigurationException exception)
            {
                Assert.True(errors > 0, $"seed {seed}: Parse refused what Validate accepted: {exception.Message}");
                Assert.Contains("sources.json", exception.Message, StringComparison.Ordinal);
                return "refused with DataSourceConfigurationException";
            }
        });

        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(Cases, run.Cases);
    }

    private static int Dispose(IReadOnlyList<IDataSource> sources)
    {
        foreach (var source in sources)
        {
            (source as IDisposable)?.Dispose();
        }

        return sources.Count;
    }
}
