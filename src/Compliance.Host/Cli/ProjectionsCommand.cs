using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Compliance.Host.Cli;

/// <summary><c>compliance projections rebuild</c>: drops the read models and projects the whole ledger again.</summary>
internal static class ProjectionsCommand
{
    public static Command Create(TimeProvider time, TextWriter output, TextWriter error)
    {
        var rebuild = new Command("rebuild", "Rebuild every read model from position zero");
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var ledger = LocalServices.Open(parse, time);
            var watch = Stopwatch.StartNew();
            long events;
            using (var progress = new Progress(error))
            {
                progress.Phase("rebuilding the read models from the ledger");
                events = await ledger.Projections.RebuildAsync(ct);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var digest = await ledger.ReadModels.DigestAsync(ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rebuilt from {events} event(s) in {seconds:0.00} s; checkpoint {ledger.Projections.Checkpoint}; read-model digest {digest}"));
            return 0;
        });
        return new Command("projections", "Read-model maintenance") { rebuild };
    }
}
