using System.CommandLine;
using System.Globalization;

namespace Compliance.Benchmarks.Report;

/// <summary><c>compliance-bench report</c>: report generation time and peak memory for fleets of 10, 100 and 500 clusters (a benchmark, not a test).</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output)
    {
        var sizes = new Option<string>("--sizes") { Description = "Fleet sizes in clusters, multiples of 10, comma-separated", DefaultValueFactory = _ => "10,100,500" };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var command = new Command("report", "Fleet report time and peak memory for 10, 100 and 500 clusters over 12 months (the demo fleet replicated)") { sizes, dir };
        command.SetAction(async (parse, ct) =>
        {
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            var parsed = new List<int>();
            foreach (var part in parse.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 10 || size % 10 != 0 || size > 5_000)
                    throw new UserError($"--sizes: '{part}' is not a multiple of 10 between 10 and 5000");
                parsed.Add(size);
            }

            await ReportBench.RunAsync(scratch, parsed, output, ct);
            return 0;
        });
        return command;
    }
}
