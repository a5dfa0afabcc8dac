using System.CommandLine;
using System.Text.Json;
using Compliance.Application.Catalog;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Host.Cli;

/// <summary><c>compliance eol-risk check</c>: the verdict for any version string, from the shipped catalog, without a store.</summary>
internal static class CheckCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var version = new Option<string>("--version") { Description = "The version string as observed (gitVersion, osImage, kernel, runtime, image)", Required = true };
        var product = new Option<string?>("--product") { Description = "Catalog product (kubernetes, amazon-eks, ubuntu, ...); inferred from the string when left out" };
        var asOf = Options.AsOf();
        var format = Options.Format("table|json");
        var command = new Command("check", "EOL risk of one version string, without a store") { version, product, asOf, format };
        command.SetAction(parse =>
        {
            var day = Arguments.Date("--as-of", parse.GetValue(asOf), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            var fmt = Arguments.Format(parse.GetValue(format), OutputFormat.Table, OutputFormat.Json);
            var raw = parse.GetValue(version)!;
            var catalog = CatalogSnapshot.Embedded.Catalog;
            var named = parse.GetValue(product);
            if (named is not null && catalog.Product(named) is null)
                throw new UserError($"--product: '{named}' is not in the catalog (known: {string.Join(", ", catalog.Products.Select(p => p.Product).Order(StringComparer.Ordinal))})");
            var parsed = named is null ? VersionParser.Infer(raw) : VersionParser.ParseForProduct(named, raw);
            var a = EolRisk.Assess(parsed, catalog, MaintenancePolicy.Default, day);
            var result = new CheckResult(raw, parsed.Product, parsed.Normalized, a.Cycle?.Cycle ?? parsed.Cycle, day, a.Level.ToString().ToLowerInvariant(),
                a.Note, a.Cycle?.Eoas, a.Cycle?.Eol, a.Cycle?.Eoes, a.DaysLeft, a.PatchesBehind, a.OldestMissingPatchAgeDays, a.LatestPatch);
            output.Write(fmt == OutputFormat.Json ? JsonSerializer.Serialize(result, Json.Options) + "\n" : Describe(result));
            return 0;
        });
        return command;
    }

    private static string Describe(CheckResult r)
    {
        var table = new TextTable("field", "value");
        table.Add("version", r.Version);
        table.Add("product", r.Product);
        table.Add("normalized", r.Normalized);
        table.Add("cycle", r.Cycle);
        table.Add("as of", Text.Day(r.AsOf));
        table.Add("level", r.Level);
        table.Add("note", r.Note);
        table.Add("end of active support", Text.Day(r.Eoas));
        table.Add("end of life", Text.Day(r.Eol));
        table.Add("end of extended support", Text.Day(r.Eoes));
        table.Add("days left", Text.Number(r.DaysLeft));
        table.Add("patches behind", Text.Number(r.PatchesBehind));
        table.Add("oldest missing patch age (days)", Text.Number(r.OldestMissingPatchAgeDays));
        table.Add("latest patch", r.LatestPatch);
        return table.ToString();
    }

    private sealed record CheckResult(string Version, string Product, string Normalized, string Cycle, DateOnly AsOf, string Level, string? Note,
        DateOnly? Eoas, DateOnly? Eol, DateOnly? Eoes, int? DaysLeft, int? PatchesBehind, int? OldestMissingPatchAgeDays, string? LatestPatch);
}
