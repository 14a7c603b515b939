using BRVT.Dti.Data;

namespace BRVT.Dti.Sources.Csv.Tests.Support;

/// <summary>Checks of accounts: balanced, with exactly the rejections expected.</summary>
internal static class AccountAssert
{
    /// <summary>The account balances, has the counts given and rejects exactly the locations given (in order), each reason containing its text.</summary>
    public static void Exactly(SourceAccount account, long read, long accepted, params (string Location, string ReasonContains)[] rejected)
    {
        Assert.True(account.Balances, $"The account does not balance: {account.RowsRead} read, {account.RowsAccepted} accepted, {account.Rejected.Count} rejected.");
        Assert.Equal(read, account.RowsRead);
        Assert.Equal(accepted, account.RowsAccepted);
        Assert.Equal(rejected.Select(r => r.Location), account.Rejected.Select(r => r.Location));
        for (var i = 0; i < rejected.Length; i++)
        {
            Assert.Contains(rejected[i].ReasonContains, account.Rejected[i].Reason, StringComparison.Ordinal);
        }
    }
}
