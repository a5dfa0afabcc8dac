using System.CommandLine;
using Compliance.Application.UseCases.Requests;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance eol-risk</c>: the fleet's (or one cluster's) EOL risk from the read models, as of a day, with the API's
/// filters (--environment, --min-level) through the same query.
/// </summary>
internal static class EolRiskCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var cluster = new Option<string?>("--cluster") { Description = "Only this cluster id" };
        var environment = new Option<string?>("--environment") { Description = "Only clusters of this environment: staging or production" };
        var minLevel = new Option<string?>("--min-level") { Description = "Only verdicts at or above this level: low, medium, high or eol (unknown verdicts are always listed)" };
        var asOf = Options.AsOf();
        var format = Options.Format("table|json");
        var command = new Command("eol-risk", "EOL risk of every running component, worst first")
        {
            cluster, environment, minLevel, asOf, format, CheckCommand.Create(time, output),
        };
        command.SetAction(async (parse, ct) =>
        {
            var day = Arguments.Date("--as-of", parse.GetValue(asOf), Days.Of(time.GetUtcNow()));
            var fmt = Arguments.Format(parse.GetValue(format), OutputFormat.Table, OutputFormat.Json);
            await using var services = LocalServices.Open(parse, time);
            await services.EnsureCurrentAsync(ct);
            var id = parse.GetValue(cluster);
            var clusters = (await services.Queries.ClustersAsync(ct)).ToDictionary(c => c.ClusterId);
            if (id is not null && !clusters.ContainsKey(id))
                throw new UserError($"--cluster: unknown cluster '{id}' (known: {string.Join(", ", clusters.Keys)})");

            var answer = await services.Queries.FleetEolRiskAsync(new FleetEolQuery(parse.GetValue(environment), parse.GetValue(minLevel), Text.Day(day)), ct);
            if (answer.Problem is { } problem) throw new UserError(Arguments.Describe(problem));
            var verdicts = answer.Value!.Verdicts.Where(v => id is null || v.ClusterId == id).ToList();
            if (fmt == OutputFormat.Json) output.Write(Json.Write(new { asOf = day, answer.Value.Environment, answer.Value.MinLevel, verdicts }));
            else Table(verdicts, c => clusters.TryGetValue(c, out var row) ? row.Environment : "").WriteTo(output);
            return 0;
        });
        return command;
    }

    public static TextTable Table(IEnumerable<EolRiskVerdict> verdicts, Func<string, string> environmentOf)
    {
        // Both support ends with the days left to each (DOMAIN: never one date beside another date's count); an accepted
        // risk says so at the start of its note, so it is shown and never hidden.
        var table = new TextTable("cluster", "env", "component", "product", "version", "cycle", "standard (days)", "extended (days)",
            "level", "behind", "note")
            .Colour(8, Levels.Colour)
            .Keep(5, 6, 7, 9);
        foreach (var v in verdicts)
        {
            table.Add(v.ClusterId, environmentOf(v.ClusterId), v.Instances > 1 ? $"{v.ComponentId} x{v.Instances}" : v.ComponentId, v.Product,
                v.Version.Length > 0 ? v.Version : v.RawVersion, v.Cycle, Ends(v.StandardSupport),
                Ends(v.ExtendedSupport), v.Level.ToString().ToLowerInvariant(),
                Text.Number(v.PatchesBehind), Note(v));
        }

        return table;
    }

    /// <summary>"2026-10-27 (-29)": the day support ends and the days left to it, negative past it.</summary>
    private static string Ends(SupportEnd? end) => end is null ? "" : $"{Text.Day(end.Ends)} ({Text.Number(end.DaysLeft)})";

    private static string? Note(EolRiskVerdict v) => v.Accepted is { } a
        ? $"accepted by exception {a.ExceptionId} until {Text.Day(a.Until)}" + (string.IsNullOrEmpty(v.Note) ? "" : "; " + v.Note)
        : v.Note;
}
