using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Compliance.Application.Store;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance projections rebuild</c>: projects the whole ledger again into new read models, moved into place once
/// complete. A ledger that does not verify is refused first (nothing could be projected from it), and so is one that
/// disagrees with the current read models unless --force accepts it (the rebuild would erase the only trace of the change).
/// </summary>
internal static class ProjectionsCommand
{
    public static Command Create(TimeProvider time, TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Rebuild even though the ledger disagrees with the current read models (accept the ledger as it is)" };
        var rebuild = new Command("rebuild", "Rebuild every read model from position zero") { force };
        rebuild.SetAction(async (parse, ct) =>
        {
            await using var ledger = LocalServices.Open(parse, time);
            var watch = Stopwatch.StartNew();
            var verified = await HashChainVerifier.VerifyLedgerAsync(ledger.Store, ct);
            if (verified.FirstBreak is { } b)
                throw new LedgerIntegrityException($"the ledger does not verify at position {b.Position} (stream {b.Stream}): {b.Kind} ({b.Detail}); the read models were left as they are");
            if (!parse.GetValue(force) && await LedgerAgreement.CheckAsync(ledger.Store, ledger.ReadModels, ct) is { } disagreement)
                throw new LedgerIntegrityException($"{disagreement}; nothing was rebuilt");
            long events, checkpoint;
            using (var progress = new Progress(error))
            {
                progress.Phase("rebuilding the read models from the ledger");
                (events, checkpoint) = await ledger.RebuildAsync(ct);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            var digest = await ledger.ReadModels.DigestAsync(ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rebuilt from {events} event(s) in {seconds:0.00} s; checkpoint {checkpoint}; read-model digest {digest}"));
            return 0;
        });
        return new Command("projections", "Read-model maintenance") { rebuild };
    }
}
