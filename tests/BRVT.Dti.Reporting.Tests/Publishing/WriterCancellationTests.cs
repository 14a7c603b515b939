namespace BRVT.Dti.Reporting.Tests.Publishing;

/// <summary>Every built-in writer honours a cancelled token: it throws and writes nothing to its destination.</summary>
public sealed class WriterCancellationTests
{
    public static TheoryData<string> Formats => [.. ReportPublisher.CreateDefault().Writers.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task WriteAsync_TokenAlreadyCancelled_ThrowsAndWritesNothing(string format)
    {
        var writer = ReportPublisher.CreateDefault().Writers.Single(w => w.Name == format);
        using var destination = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(ReportScenario.Content, destination, new CancellationToken(canceled: true)));
        Assert.Equal(0, destination.Length);
    }
}
