using System.CommandLine;
using Compliance.Application.Checkpoints;
using Compliance.Application.Store;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance verify</c>: walks the hash chain with every rule (links, hashes, recorded-at never going back,
/// contiguous revisions, readable events), checks that the ledger is the one the read models were projected from and
/// that it extends the checkpoints it records; with <c>--checkpoint FILE</c> or <c>--report PDF</c>, that it still
/// extends a checkpoint kept outside. One line per finding; exit 1 when anything does not hold.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var checkpointFile = new Option<string?>("--checkpoint") { Description = "A checkpoint file ('compliance checkpoint export') the ledger must still extend" };
        var report = new Option<string?>("--report") { Description = "An issued report (PDF) whose signed checkpoint the ledger must still extend" };
        var publicKey = new Option<string?>("--public-key") { Description = "The public key (PEM) to check signatures with (default: the configured signing key's)" };
        var command = new Command("verify", "Verify the ledger's hash chain, and that it extends a signed checkpoint") { checkpointFile, report, publicKey };
        command.SetAction(async (parse, ct) =>
        {
            var outside = Outside(parse.GetValue(checkpointFile), parse.GetValue(report));
            var keyFile = parse.GetValue(publicKey);
            var key = keyFile is null ? null : ReadKey(keyFile);
            await using var services = LocalServices.Open(parse, time);
            key ??= services.Checkpoints.Keys.PublicKeyPem;
            var broken = false;
            var result = await HashChainVerifier.VerifyLedgerAsync(services.Store, ct);
            if (result.FirstBreak is { } b)
            {
                output.WriteLine($"BROKEN after {result.Verified} verified event(s): position {b.Position}, stream {b.Stream}, event {b.EventId}: {b.Kind} ({b.Detail})");
                broken = true;
            }
            else
            {
                output.WriteLine($"OK: {result.Verified} event(s) verified; head position {result.HeadPosition}, head hash {result.HeadHash}");
            }

            if (await LedgerAgreement.CheckAsync(services.Store, services.ReadModels, ct) is { } disagreement)
            {
                output.WriteLine($"BROKEN: {disagreement}");
                broken = true;
            }

            if (await CheckpointCheck.InLedgerAsync(services.Store, result, key, ct) is { } inLedger)
            {
                output.WriteLine($"BROKEN: {inLedger}");
                broken = true;
            }

            if (outside is var (source, checkpoint, embeddedKey))
            {
                var checkWith = key ?? embeddedKey;
                var signature = checkWith is null ? "no public key to check its signature with" : CheckpointSignature.Problem(checkpoint, checkWith);
                if (signature is not null)
                {
                    output.WriteLine($"BROKEN: {source}: {signature}");
                    broken = true;
                }

                if (await CheckpointCheck.ProblemAsync(services.Store, result, checkpoint, ct) is { } problem)
                {
                    output.WriteLine($"BROKEN: {source} (position {checkpoint.Position}): {problem}");
                    broken = true;
                }
                else if (signature is null)
                {
                    output.WriteLine($"OK: the ledger extends {source}: position {checkpoint.Position}, hash {checkpoint.Hash}, signed by {checkpoint.KeyFingerprint}"
                        + (key is null ? " (checked with the key in the file; pass --public-key to check it with a key you trust)" : ""));
                }
            }

            return broken ? 1 : 0;
        });
        return command;
    }

    /// <summary>The checkpoint kept outside the ledger, from a file or a report, with the public key a file carries.</summary>
    private static (string Source, SignedCheckpoint Checkpoint, string? PublicKey)? Outside(string? file, string? report)
    {
        if (file is not null && report is not null) throw new UserError("--checkpoint and --report: give one of them");
        if (file is not null)
        {
            try
            {
                var (checkpoint, key) = CheckpointFile.Read(File.ReadAllText(Existing("--checkpoint", file)));
                return ($"checkpoint {file}", checkpoint, key);
            }
            catch (FormatException e)
            {
                throw new UserError($"--checkpoint: {file}: {e.Message}");
            }
        }

        if (report is null) return null;
        var bytes = File.ReadAllBytes(Existing("--report", report));
        var found = SignedCheckpoint.FindIn(System.Text.Encoding.Latin1.GetString(bytes))
            ?? throw new UserError($"--report: {report} carries no signed checkpoint (a report issued without a signing key, or not a Compliance report)");
        return ($"report {report}", found, null);
    }

    private static string ReadKey(string file)
    {
        var text = File.ReadAllText(Existing("--public-key", file));
        try
        {
            CheckpointSignature.FingerprintOf(text);
            return text;
        }
        catch (FormatException e)
        {
            throw new UserError($"--public-key: {file}: {e.Message}");
        }
    }

    private static string Existing(string option, string file) =>
        File.Exists(file) ? file : throw new UserError($"{option}: {file} does not exist");
}
