using System.Text;
using BRVT.Dti.Data;

namespace BRVT.Dti.Host.Commands;

/// <summary>Every rejected row of every source, with its place and reason, as CSV (nothing read is lost silently).</summary>
internal static class RejectedRowsCsv
{
    public static string Write(IEnumerable<SourceAccount> accounts)
    {
        var builder = new StringBuilder("source,location,reason\n");
        foreach (var account in accounts)
        {
            foreach (var row in account.Rejected)
            {
                builder.Append(Csv.Quote(account.Source)).Append(',').Append(Csv.Quote(row.Location)).Append(',').Append(Csv.Quote(row.Reason)).Append('\n');
            }
        }

        return builder.ToString();
    }
}
