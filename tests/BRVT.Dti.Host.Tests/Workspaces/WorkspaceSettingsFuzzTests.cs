using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.TestUtilities;

namespace BRVT.Dti.Host.Tests.Workspaces;

/// <summary>
/// <c>workspace.json</c> is edited by hand: mutated (properties deleted, retyped, duplicated, hostile strings, damaged
/// text), it is read into settings or refused with a <see cref="WorkspaceException"/> whose message starts with the
/// file, which the host prints as an error; never another exception, which the host would report as its own defect.
/// The seeds are fixed, so a failure replays.
/// </summary>
public sealed class WorkspaceSettingsFuzzTests : IDisposable
{
    private const int Cases = 2000;

    private readonly TempFolder folder = new("dti-workspace-fuzz-");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_MutatedWorkspaceJson_ReadsOrRefusesNamingTheFileAndThrowsNothingElse()
    {
        string[] templates =
        [
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample-workspace", "workspace.json")),
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workspaces", "vn-dti-2022", "workspace.json")),
        ];
        var file = Path.Combine(folder.Path, "workspace.json");
        Assert.All(templates, template =>
        {
            File.WriteAllText(file, template);
            Assert.NotNull(WorkspaceSettingsReader.Read(file));
        });

        var (read, refused) = (0, 0);
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var text = JsonMutator.Mutate(templates[seed % templates.Length], random);
            File.WriteAllBytes(file, seed % 8 == 0 ? WithHalfSurrogate(text, random) : text);
            try
            {
                Assert.NotNull(WorkspaceSettingsReader.Read(file));
                read++;
            }
            catch (WorkspaceException exception)
            {
                Assert.True(exception.Message.StartsWith(file, StringComparison.Ordinal), $"seed {seed}: the message does not start with the file: {exception.Message}");
                refused++;
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}: {exception.GetType().Name} escaped: {exception.Message}\n{File.ReadAllText(file)}");
            }
        }

        Assert.True(read > 0, "some mutations keep the settings readable");
        Assert.True(refused > Cases / 2, $"most mutations are refused ({refused} of {Cases})");
    }

    /// <summary>
    /// Writes the escape of half a surrogate pair (<c>\uDC00</c>) after a quote chosen at random: at the start or end
    /// of a name or a string. JSON parsers accept it inside a string, but it is no text.
    /// </summary>
    private static byte[] WithHalfSurrogate(byte[] text, Random random)
    {
        var quotes = Enumerable.Range(0, text.Length).Where(i => text[i] == (byte)'"').ToList();
        if (quotes.Count == 0)
        {
            return text;
        }

        var at = quotes[random.Next(quotes.Count)] + 1;
        return [.. text[..at], .. "\\uDC00"u8, .. text[at..]];
    }
}
