using System.CommandLine;
using Compliance.Application.Catalog;
using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;

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
        command.SetAction(async (parse, ct) =>
        {
            Arguments.Date("--as-of", parse.GetValue(asOf), default);
            var fmt = Arguments.Format(parse.GetValue(format), OutputFormat.Table, OutputFormat.Json);
            var catalog = CatalogSnapshot.Embedded.Catalog;
            var named = parse.GetValue(product);
            if (named is not null && catalog.Product(named) is null)
                throw new UserError($"--product: '{named}' is not in the catalog (known: {string.Join(", ", catalog.Products.Select(p => p.Product).Order(StringComparer.Ordinal))})");
            var answer = await new VersionCheck(time).CheckAsync(new CheckQuery(named, parse.GetValue(version), parse.GetValue(asOf)), ct);
            if (answer.Problem is { } problem) throw new UserError(Arguments.Describe(problem));
            var result = answer.Value!;
            if (fmt == OutputFormat.Json) output.Write(Json.Write(result));
            else Describe(result).WriteTo(output);
            return 0;
        });
        return command;
    }

    private static TextTable Describe(CheckResponse r)
    {
        var table = new TextTable("field", "value");
        table.Add("version", r.Version);
        table.Add("product", r.Product);
        table.Add("normalized", r.Normalized);
        table.Add("cycle", r.Cycle);
        table.Add("as of", Text.Day(r.AsOf));
        table.Add("level", r.Level.ToString().ToLowerInvariant());
        table.Add("note", r.Note);
        table.Add("end of active support", Text.Day(r.ActiveSupport?.Ends));
        table.Add("days left to end of active support", Text.Number(r.ActiveSupport?.DaysLeft));
        table.Add("end of standard support", Text.Day(r.StandardSupport?.Ends));
        table.Add("days left to end of standard support", Text.Number(r.StandardSupport?.DaysLeft));
        if (r.ExtendedSupport is { } extended)
        {
            table.Add("end of extended support (counted)", Text.Day(extended.Ends));
            table.Add("days left to end of extended support", Text.Number(extended.DaysLeft));
        }

        table.Add("patches behind", Text.Number(r.PatchesBehind));
        table.Add("oldest missing patch age (days)", Text.Number(r.OldestMissingPatchAgeDays));
        table.Add("latest patch", r.LatestPatch);
        return table;
    }
}
