using System.CommandLine;
using Compliance.Host.Composition;

namespace Compliance.Host.Cli;

/// <summary><c>compliance settings</c>: every setting with its environment variable, type, default and meaning (docs/settings.md is its markdown).</summary>
internal static class SettingsCommand
{
    public static Command Create(TextWriter output)
    {
        var format = Options.Format("table|markdown");
        var command = new Command("settings", "Every setting serve and the CLI read: key, environment variable, type, default") { format };
        command.SetAction(parse =>
        {
            var markdown = parse.GetValue(format) switch
            {
                null or "table" => false,
                "markdown" => true,
                var other => throw new UserError($"--format: '{other}' is not one of table, markdown"),
            };
            if (markdown)
            {
                output.Write(SettingsReference.Markdown());
                return 0;
            }

            var table = new TextTable("environment variable", "type", "default", "what");
            foreach (var row in SettingsReference.Rows()) table.Add(row.Variable, row.Type.Replace("\\|", "|", StringComparison.Ordinal), row.Default, row.Description);
            table.WriteTo(output);
            return 0;
        });
        return command;
    }
}
