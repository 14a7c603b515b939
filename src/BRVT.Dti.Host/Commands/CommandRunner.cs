using BRVT.Dti.Data;
using BRVT.Dti.Host.Workspaces;
using BRVT.Dti.Reporting;
using Spectre.Console;

namespace BRVT.Dti.Host.Commands;

/// <summary>Runs a command body, turning user mistakes into a message and exit code 1, and defects into exit code 2.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken).ConfigureAwait(false);
        }
        catch (WorkspaceException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (DataSourceConfigurationException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (DataSourceException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (ReportWriterException exception) when (exception.InnerException is IOException or UnauthorizedAccessException or null)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (LimitExceededException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (DefinitionException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; no report was written.");
            return ExitCodes.UserError;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"internal error: {exception.GetType().Name}: {exception.Message}");
            Console.Error.WriteLine("This is a defect of dti, not of your files. Please report it with the command you ran.");
            Console.Error.WriteLine(exception.StackTrace);
            return ExitCodes.InternalError;
        }
    }

    public static string Escape(string text) => Markup.Escape(text);
}
