using System.CommandLine;

namespace BRVT.Dti.Host.Commands;

/// <summary><c>dti schema</c>: prints the JSON Schema of index definitions, for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of index definitions (draft-07).");
        command.SetAction(_ =>
        {
            Console.Out.Write(IndexDefinitionSchema.Text);
            return ExitCodes.Ok;
        });
        return command;
    }
}
