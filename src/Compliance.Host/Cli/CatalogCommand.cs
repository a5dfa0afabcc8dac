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

            output.Write(table.ToString());
            output.WriteLine($"catalog age: {Text.Number(snapshot.AgeInDays(today))} days (oldest retrieval {Text.Day(snapshot.OldestRetrieval)})");
            return 0;
        });
        return new Command("catalog", "The release catalog") { build, show };
    }
}
