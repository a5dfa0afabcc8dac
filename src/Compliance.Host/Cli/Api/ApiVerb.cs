using System.CommandLine;
using System.Text.Json;

namespace Compliance.Host.Cli.Api;

/// <summary>The one path of every API subcommand: build the request from the options, send it to the target, print the answer.</summary>
internal static class ApiVerb
{
    public static Command Get(string name, string description, TextWriter output, Func<ParseResult, string> path,
        Func<JsonElement, OutputFormat, string> render, params Symbol[] symbols) =>
        Create(name, description, output, HttpMethod.Get, path, _ => null, render, symbols);

    public static Command Post(string name, string description, TextWriter output, Func<ParseResult, string> path,
        Func<ParseResult, object> body, params Symbol[] symbols) =>
        Create(name, description, output, HttpMethod.Post, path, body,
            (answer, format) => ApiOutput.Fields(answer, format), symbols);

    private static Command Create(string name, string description, TextWriter output, HttpMethod method, Func<ParseResult, string> path,
        Func<ParseResult, object?> body, Func<JsonElement, OutputFormat, string> render, Symbol[] symbols)
    {
        var format = Options.Format("table|json");
        var command = new Command(name, description) { format };
        foreach (var symbol in symbols)
        {
            if (symbol is Option option) command.Options.Add(option);
            else if (symbol is Argument argument) command.Arguments.Add(argument);
        }

        command.SetAction(async (parse, ct) =>
        {
            var fmt = Arguments.Format(parse.GetValue(format), OutputFormat.Table, OutputFormat.Json);
            await using var target = await ApiTarget.OpenAsync(parse, ct);
            var answer = await target.SendAsync(method, path(parse), body(parse), ct);
            output.Write(render(answer, fmt));
            return 0;
        });
        return command;
    }

    /// <summary>A path with query parameters; empty values are left out.</summary>
    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : path + "?" + string.Join("&", given);
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);

    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };
}
