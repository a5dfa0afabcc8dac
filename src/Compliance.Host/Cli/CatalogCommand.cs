using System.CommandLine;
using Compliance.Application.Catalog;

namespace Compliance.Host.Cli;

/// <summary><c>compliance catalog</c>: build the shipped snapshot from endoflife.date files, or show the catalog's age.</summary>
internal static class CatalogCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var source = new Option<string>("--source") { Description = "Folder of endoflife.date product files (data/catalog)", Required = true };
        var outFile = new Option<string>("--out") { Description = "Snapshot file to write (src/Compliance.Application/Catalog/catalog.snapshot.json)", Required = true };
        var force = OutputPath.Force();
        var build = new Command("build", "Build the catalog snapshot from endoflife.date product files") { source, outFile, force };
        build.SetAction(async (parse, ct) =>
        {
            var from = parse.GetValue(source)!;
            if (!Directory.Exists(from)) throw new UserError($"--source: folder '{from}' does not exist");
            var target = OutputPath.Check("--out", parse.GetValue(outFile), Composition.DataDirectory.Resolve(parse.GetValue(Options.Data)), parse.GetValue(force));
            var summary = await CatalogSnapshotBuilder.BuildAsync(from, target, ct);
            foreach (var problem in summary.Problems) output.WriteLine($"problem: {problem}");
            output.WriteLine($"{summary.Products} products, {summary.Cycles} cycles, {summary.Patches} patches, {summary.Unassigned} versions in no cycle"
                + (summary.Written ? $"; written to {parse.GetValue(outFile)}" : "; nothing written"));
            return summary.Succeeded ? 0 : 1;
        });

        var show = new Command("show", "List the shipped catalog's products, their provenance and age");
        show.SetAction(_ =>
        {
            var snapshot = CatalogSnapshot.Embedded;
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var table = new TextTable("product", "cycles", "patches", "retrieved", "source");
            foreach (var p in snapshot.Catalog.Products.OrderBy(p => p.Product, StringComparer.Ordinal))
            {
                table.Add(p.Product, Text.Number(p.Cycles.Count), Text.Number(p.Patches.Count), Text.Day(p.Source.RetrievedOn), p.Source.Versions);
            }

            table.WriteTo(output);
            output.WriteLine($"catalog age: {Text.Number(snapshot.AgeInDays(today))} days (oldest retrieval {Text.Day(snapshot.OldestRetrieval)})");
            return 0;
        });
        return new Command("catalog", "The release catalog") { build, show, RecordCycle(output) };
    }

    /// <summary>
    /// <c>compliance catalog record-cycle</c>: a release cycle of a product the shipped catalog lacks, recorded in the
    /// ledger as a catalog fact with its source (through the same use case as the API; --server sends it to a server).
    /// </summary>
    private static Command RecordCycle(TextWriter output)
    {
        var product = Api.ApiVerb.Required("--product", "The product's slug (e.g. ingress-nginx)");
        var cycle = Api.ApiVerb.Required("--cycle", "The release cycle as the product names it (e.g. 1.14)");
        var released = Api.ApiVerb.Optional("--release-date", "When the cycle was released, YYYY-MM-DD");
        var eoas = Api.ApiVerb.Optional("--eoas", "End of active support, YYYY-MM-DD");
        var eol = Api.ApiVerb.Optional("--eol", "End of life (end of standard support), YYYY-MM-DD");
        var eoes = Api.ApiVerb.Optional("--eoes", "End of extended support, YYYY-MM-DD");
        var reached = new Option<bool>("--eol-reached") { Description = "The cycle's end of life was reached (with no date known)" };
        var source = Api.ApiVerb.Required("--source", "Who says so: the announcement's URL or title");
        var sourceDate = Api.ApiVerb.Required("--source-date", "The day the source published it, YYYY-MM-DD");
        var command = Api.ApiVerb.Post<Application.UseCases.Requests.RecordCycleRequest>("record-cycle",
            "Record a release cycle of a product the shipped catalog lacks, with its source (operator)", output,
            p => $"/api/v1/catalog/products/{Api.ApiVerb.Segment(p.GetValue(product)!)}/cycles", p => new Dictionary<string, object?>
            {
                ["cycle"] = p.GetValue(cycle), ["releaseDate"] = p.GetValue(released), ["eoas"] = p.GetValue(eoas), ["eol"] = p.GetValue(eol),
                ["eoes"] = p.GetValue(eoes), ["eolReached"] = p.GetValue(reached), ["source"] = p.GetValue(source), ["sourceDate"] = p.GetValue(sourceDate),
            }, (s, p, r, call, ct) => s.RecordCycleAsync(p.GetValue(product)!, r, call, ct), product, cycle, released, eoas, eol, eoes, reached, source, sourceDate);
        foreach (var option in Api.ApiTarget.Options()) command.Options.Add(option);
        return command;
    }
}
