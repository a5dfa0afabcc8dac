using System.CommandLine;
using System.Text.Json;
using Compliance.Application.UseCases;
using Compliance.Host.Api;

namespace Compliance.Host.Cli.Api;

/// <summary>
/// The one path of every API subcommand: build the request from the options, then either send it to the server
/// (--server) or call the same use case in this process, and print the answer the same way.
/// </summary>
internal static class ApiVerb
{
    /// <summary>A query: the server's path, or the query service's answer.</summary>
    public static Command Get<T>(string name, string description, TextWriter output, Func<ParseResult, string> path,
        Func<QueryService, ParseResult, CancellationToken, Task<Answer<T>>> local, Func<JsonElement, OutputFormat, Screen, string> render, params Symbol[] symbols)
        where T : class =>
        Create(name, description, output, symbols, render,
            (target, parse, ct) => target.SendAsync(HttpMethod.Get, path(parse), null, ct),
            async (services, parse, ct) =>
            {
                await services.EnsureCurrentAsync(ct);
                var answer = await local(services.Queries, parse, ct);
                return answer.Problem is { } problem ? throw new UserError(TerminalText.Safe(ProblemStatus.Line(problem))) : ToJson(answer.Value!);
            });

    /// <summary>A command: the body as JSON, sent to the server's path or read into <typeparamref name="TRequest"/> for the command service.</summary>
    public static Command Post<TRequest>(string name, string description, TextWriter output, Func<ParseResult, string> path, Func<ParseResult, object> body,
        Func<CommandService, ParseResult, TRequest, CommandCall, CancellationToken, Task<CommandResult>> local, params Symbol[] symbols)
        where TRequest : class =>
        Create(name, description, output, symbols, ApiOutput.Fields,
            (target, parse, ct) => target.SendAsync(HttpMethod.Post, path(parse), body(parse), ct),
            async (services, parse, ct) =>
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(body(parse), RequestJson.Options);
                var (request, errors) = RequestJson.Parse<TRequest>(json, emptyIsObject: true);
                if (errors is not null) throw new UserError(TerminalText.Safe(ProblemStatus.Line(Problem.Invalid(errors))));
                var call = new CommandCall(LocalActor, Guid.NewGuid().ToString());
                await services.EnsureCurrentAsync(ct); // some commands pin what they name in the read models (an exception's finding)
                var result = await local(services.Commands, parse, request!, call, ct);
                return result.Problem is { } problem ? throw new UserError(TerminalText.Safe(ProblemStatus.Line(problem))) : ToJson(result.Response!);
            });

    /// <summary>An answer of either of two shapes (one cluster's or the fleet's), printed as the API sends it.</summary>
    public static Answer<object> Boxed<T>(Answer<T> answer) where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new Answer<object>(answer.Value, answer.Problem);
    }

    /// <summary>Who the ledger says acted when the CLI records in process: the user running it.</summary>
    public static string LocalActor => "cli:" + System.Environment.UserName;

    private static Command Create(string name, string description, TextWriter output, Symbol[] symbols, Func<JsonElement, OutputFormat, Screen, string> render,
        Func<ApiTarget, ParseResult, CancellationToken, Task<JsonElement>> remote, Func<LocalServices, ParseResult, CancellationToken, Task<JsonElement>> local)
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
            JsonElement answer;
            using (var target = ApiTarget.Open(parse))
            {
                if (target is not null) answer = await remote(target, parse, ct);
                else
                {
                    await using var services = LocalServices.Open(parse, TimeProvider.System);
                    answer = await local(services, parse, ct);
                }
            }

            output.Write(render(answer, fmt, Screen.Of(output)));
            return 0;
        });
        return command;
    }

    /// <summary>The answer as the API would send it, so local and remote answers print alike.</summary>
    private static JsonElement ToJson<T>(T value) => JsonSerializer.SerializeToElement(value, ApiJson.Options);

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
