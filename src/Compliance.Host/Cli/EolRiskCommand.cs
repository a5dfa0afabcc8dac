using System.CommandLine;
using System.Text.Json;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Cli;

/// <summary><c>compliance eol-risk</c>: the fleet's (or one cluster's) EOL risk from the read models, as of a day.</summary>
internal static class EolRiskCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var cluster = new Option<string?>("--cluster") { Description = "Only this cluster id" };
        var asOf = Options.AsOf();
        var format = Options.Format("table|json");
        var command = new Command("eol-risk", "EOL risk of every running component, worst first") { cluster, asOf, format, CheckCommand.Create(time, output) };
        command.SetAction(async (parse, ct) =>
        {
            var day = Arguments.Date("--as-of", parse.GetValue(asOf), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            var fmt = Arguments.Format(parse.GetValue(format), OutputFormat.Table, OutputFormat.Json);
            await using var services = LocalServices.Open(parse, time);
            await services.EnsureCurrentAsync(ct);
            var id = parse.GetValue(cluster);
            var clusters = (await services.Queries.ClustersAsync(ct)).ToDictionary(c => c.ClusterId);
            if (id is not null && !clusters.ContainsKey(id))
                throw new UserError($"--cluster: unknown cluster '{id}' (known: {string.Join(", ", clusters.Keys)})");

            var verdicts = await services.Fleet.EolRiskAsync(id, day, ct);
            output.Write(fmt == OutputFormat.Json
                ? JsonSerializer.Serialize(new { asOf = day, verdicts }, Json.Options) + "\n"
                : Table(verdicts, c => clusters.TryGetValue(c, out var row) ? row.Environment : ""));
            return 0;
        });
        return command;
    }

    public static string Table(IEnumerable<EolRiskVerdict> verdicts, Func<string, string> environmentOf)
    {
        var table = new TextTable("cluster", "env", "component", "product", "version", "cycle", "standard support ends", "days left",
            "extended support ends", "days left (extended)", "level", "behind", "accepted", "note");
        foreach (var v in verdicts)
        {
            table.Add(v.ClusterId, environmentOf(v.ClusterId), v.Instances > 1 ? $"{v.ComponentId} x{v.Instances}" : v.ComponentId, v.Product,
                v.Version.Length > 0 ? v.Version : v.RawVersion, v.Cycle, Text.Day(v.StandardSupport?.Ends), Text.Number(v.StandardSupport?.DaysLeft),
                Text.Day(v.ExtendedSupport?.Ends), Text.Number(v.ExtendedSupport?.DaysLeft), v.Level.ToString().ToLowerInvariant(),
                Text.Number(v.PatchesBehind), v.Accepted is { } a ? $"{a.ExceptionId} until {Text.Day(a.Until)}" : "", v.Note);
        }

        return table.ToString();
    }
}
