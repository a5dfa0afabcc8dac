using System.CommandLine;
using Compliance.Application.Checkpoints;
using Compliance.Application.Files;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance checkpoint export --out FILE</c>: signs the ledger's head (when the latest checkpoint does not cover it),
/// records it and writes it for a witness to keep; <c>compliance checkpoint key</c>: the public key auditors check with.
/// </summary>
internal static class CheckpointCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var file = new Option<string>("--out") { Description = "File to write the checkpoint to (JSON: position, hash, recorded-at, signature, key)", Required = true };
        var force = OutputPath.Force();
        var export = new Command("export", "Sign the ledger's head and write the checkpoint for a witness to keep") { file, force };
        export.SetAction(async (parse, ct) =>
        {
            await using var services = LocalServices.Open(parse, time);
            var path = OutputPath.Check("--out", parse.GetValue(file), services.Data, parse.GetValue(force));
            var checkpoint = await services.Checkpoints.TakeAsync($"cli/{System.Environment.UserName}", ct)
                ?? throw new UserError("the ledger is empty: there is no head to checkpoint");
            var keys = services.Checkpoints.Keys;
            await AtomicFile.WriteAsync(path, System.Text.Encoding.UTF8.GetBytes(CheckpointFile.Write(checkpoint, keys.Key.PublicKeyPem)), ct);
            output.WriteLine($"Checkpoint written: {path}");
            Announce(services, checkpoint, output);
            return 0;
        });

        var key = new Command("key", "Print the public key that checks checkpoint signatures (PEM) and its fingerprint");
        key.SetAction(async (parse, ct) =>
        {
            await using var services = LocalServices.Open(parse, time, requireLedger: false);
            var signing = services.Checkpoints.Keys.Key;
            output.Write(signing.PublicKeyPem);
            output.WriteLine($"fingerprint {signing.Fingerprint} ({services.Checkpoints.Keys.Path})");
            return 0;
        });
        return new Command("checkpoint", "Signed checkpoints of the ledger's head") { export, key };
    }

    /// <summary>Tells of a key created just now (its fingerprint) and of the checkpoint signed.</summary>
    public static void Announce(LocalServices services, SignedCheckpoint? checkpoint, TextWriter output)
    {
        var keys = services.Checkpoints.Keys;
        if (keys.Created)
            output.WriteLine($"Created the checkpoint signing key {keys.Path} (fingerprint {keys.Key.Fingerprint}); production configures its own (Compliance:Checkpoints:KeyFile)");
        if (checkpoint is not null)
            output.WriteLine($"Signed checkpoint: position {checkpoint.Position}, hash {checkpoint.Hash}, key {checkpoint.KeyFingerprint}");
    }
}
