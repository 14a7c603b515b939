using System.Diagnostics;
using System.Text;
using BRVT.Dti.Data;
using BRVT.Dti.Fuzz.Tests.Support;
using BRVT.Dti.Sources.Csv;
using BRVT.Dti.TestUtilities;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace BRVT.Dti.Fuzz.Tests.Fuzzing;

/// <summary>
/// CSV files come from dozens of units: random bytes and mutated valid files, read by csv-long and csv-records,
/// leniently and strictly, give only <see cref="DataSourceException"/> or <see cref="DataSourceConfigurationException"/>
/// and accounts that balance (every row read accepted or rejected with its location).
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class CsvFuzzTests(FuzzFigures figures, ITestOutputHelper output) : IDisposable
{
    private const int CasesPerType = 3000;

    /// <summary>csv-wide: half the cases read every column (a mutated header makes new measure columns), half a mapping.</summary>
    private const int WideCases = 750;

    private const string LongFile = "unit,period,measure,value\n747,2023,a,0.5\n748,2023,a,1\n750,2023,b,12\n747,2023,b,\"3\"\n748,2022,a,2\n750,2023,a,-1.5e2\n";

    private const string WideFile = "unit,period,a,b,ghi_chu\n747,2023,0.5,12,x\n748,2023,1,\"3\",\n750,2023,,-1.5e2,\"ghi chú, có dấu phẩy\"\n747,2022,2,3,năm trước\n748,2023,7,8,trùng\n";

    private const string MappedWideFile = "Mã đơn vị;Tên;Hạ tầng số;Dịch vụ công;Giai đoạn\n747;Vũng Tàu;0,5;12;\n748;Bà Rịa;1;\"3,25\";thẩm định\n750;Châu Đức;;-150;\n747;lặp lại;2;3;\n";

    private const string RecordsFile = "ma_ho_so,ma_don_vi,ngay_nhan,truc_tuyen,so_ngay,ghi_chu\n" +
        "HS1,747,2023-01-02,1,3.5,\"Hồ sơ \"\"bổ sung\"\", chờ\"\nHS2,748,2023-02-03,0,10,\nHS3,750,2023-12-31,1,,đúng quy trình\n" +
        "HS4,747,2022-12-31,1,2,năm trước\nHS5,748,2023-06-30,1,7.25,x\n";

    private readonly TempFolder folder = new("dti-fuzz-");

    private string root => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadAsync_CsvLongMutatedOrRandomBytes_ThrowsOnlySourceErrorsAndAccountsBalance() =>
        Fuzz("csv-long", LongFile, """{ "name": "s", "type": "csv-long", "path": "fuzz.csv" }""", Fixtures.Plain, exact: true);

    [Fact]
    public void ReadAsync_CsvRecordsMutatedOrRandomBytes_ThrowsOnlySourceErrorsAndAccountsBalance() =>
        Fuzz("csv-records", RecordsFile, """{ "name": "s", "type": "csv-records", "path": "fuzz.csv", "records": "dossiers", "mapping": { "unit": "ma_don_vi", "date": "ngay_nhan", "id": "ma_ho_so" } }""", Fixtures.Derived, exact: false);

    [Fact]
    public void ReadAsync_CsvWideEveryColumnMutatedOrRandomBytes_ThrowsOnlySourceErrorsAndAccountsBalance() =>
        Fuzz("csv-wide", WideFile, """{ "name": "s", "type": "csv-wide", "path": "fuzz.csv", "ignoreColumns": ["ghi_chu"] }""", Fixtures.Plain, exact: true, WideCases);

    [Fact]
    public void ReadAsync_CsvWideMappedMutatedOrRandomBytes_ThrowsOnlySourceErrorsAndAccountsBalance() =>
        Fuzz("csv-wide", MappedWideFile, """
            { "name": "s", "type": "csv-wide", "path": "fuzz.csv", "period": "2023", "delimiter": ";", "decimalComma": true,
              "mapping": { "unit": "Mã đơn vị", "stage": "Giai đoạn" }, "measures": { "Hạ tầng số": "a", "Dịch vụ công": "b" } }
            """, Fixtures.Plain, exact: true, WideCases, "csv-wide files, mapped columns");

    private void Fuzz(string type, string valid, string settings, IReadOnlyList<BRVT.Dti.Definitions.MeasureDefinition> measures, bool exact, int cases = CasesPerType, string? name = null)
    {
        IDataSourceFactory factory = type switch
        {
            "csv-long" => new CsvLongSourceFactory(),
            "csv-wide" => new CsvWideSourceFactory(),
            _ => new CsvRecordsSourceFactory(),
        };
        var source = factory.Create(Fixtures.Configuration(root, settings));
        var path = Path.Combine(root, "fuzz.csv");
        var validBytes = Encoding.UTF8.GetBytes(valid);
        File.WriteAllBytes(path, validBytes);
        var baseline = source.ReadAsync(Fixtures.Request(measures)).AsTask().GetAwaiter().GetResult();
        Assert.True(baseline.Account.Balances && baseline.Account.RowsAccepted >= 4, $"the valid {type} file reads: {baseline.Account.RowsAccepted} accepted");

        var run = new FuzzRun(name ?? $"{type} files (mutated valid files and random bytes)");
        var watch = Stopwatch.StartNew();
        run.Check(Gen.Choose(0, int.MaxValue), cases, seed =>
        {
            var random = new Random(seed);
            var bytes = random.Next(8) == 0
                ? [.. Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (byte)random.Next(256))]
                : Mutations.Bytes(validBytes, random, random.Next(1, 6));
            File.WriteAllBytes(path, bytes);
            var mode = random.Next(4) == 0 ? RejectionMode.Strict : RejectionMode.Lenient;
            try
            {
                var result = source.ReadAsync(Fixtures.Request(measures, mode)).AsTask().GetAwaiter().GetResult();
                var account = result.Account;
                run.Account(account);
                Assert.True(account.Balances, $"seed {seed}: {account.RowsRead} read != {account.RowsAccepted} accepted + {account.Rejected.Count} rejected");
                Assert.All(account.Rejected, r => Assert.True(r.Location.StartsWith("fuzz.csv", StringComparison.Ordinal) && r.Reason.Length > 0, $"seed {seed}: rejection without location or reason: {r}"));
                if (exact)
                {
                    Assert.Equal(account.RowsAccepted, result.Observations.Count);
                }

                Assert.All(result.Observations, o => Assert.StartsWith("fuzz.csv", o.Provenance.Location, StringComparison.Ordinal));
                return mode == RejectionMode.Strict ? "strict: read" : account.Rejected.Count > 0 ? "lenient: read with rejections" : "lenient: read clean";
            }
            catch (DataSourceException exception)
            {
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
                return $"{mode.ToString().ToLowerInvariant()}: DataSourceException";
            }
            catch (DataSourceConfigurationException)
            {
                return $"{mode.ToString().ToLowerInvariant()}: DataSourceConfigurationException";
            }
        });

        watch.Stop();
        figures.Add(run, watch.Elapsed);
        output.WriteLine(run.Summary(watch.Elapsed));
        Assert.Equal(cases, run.Cases);
        Assert.Equal(0, run.RowsLost);
    }
}
