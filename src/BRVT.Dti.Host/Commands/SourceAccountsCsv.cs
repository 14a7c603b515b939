using System.Globalization;
using System.Text;
using BRVT.Dti.Data;

namespace BRVT.Dti.Host.Commands;

/// <summary>
/// The account of every source of a run, one row each (the units file first): rows read, accepted and rejected,
/// which always add up. The machine-readable twin of the data table <c>dti rank</c> prints; the rejected rows
/// themselves are in <c>rejected-rows.csv</c>.
/// </summary>
internal static class SourceAccountsCsv
{
    public const string FileName = "accounts.csv";

    public static string Write(IEnumerable<SourceAccount> accounts)
    {
        var builder = new StringBuilder("source,read,accepted,rejected\n");
        foreach (var account in accounts)
        {
            builder.Append(Csv.Quote(account.Source)).Append(',')
                .Append(account.RowsRead.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(account.RowsAccepted.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(account.Rejected.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }
}
