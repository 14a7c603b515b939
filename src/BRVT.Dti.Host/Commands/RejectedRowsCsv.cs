using System.Text;
using BRVT.Dti.Data;

namespace BRVT.Dti.Host.Commands;

/// <summary>Every rejected row of every source, with its place and reason, as CSV (nothing read is lost silently).</summary>
internal static class RejectedRowsCsv
{
    /// <summary>The CSV text; the token is checked every 4,096 rows.</summary>
    public static string Write(IEnumerable<SourceAccount> accounts, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder("source,location,reason\n");
        var rows = 0;
        foreach (var account in accounts)
        {
            foreach (var row in account.Rejected)
            {
                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                builder.Append(Csv.Quote(account.Source)).Append(',').Append(Csv.Quote(row.Location)).Append(',').Append(Csv.Quote(row.Reason)).Append('\n');
            }
        }

        return builder.ToString();
    }
}
