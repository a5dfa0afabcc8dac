using System.CommandLine;
using Compliance.Application.Store;

namespace Compliance.Host.Cli;

/// <summary><c>compliance verify</c>: walks the hash chain; exit 1 with the first broken event when it does not hold.</summary>
internal static class VerifyCommand
{
    public static Command Create(TimeProvider time, TextWriter output)
    {
        var command = new Command("verify", "Verify the ledger's hash chain");
        command.SetAction(async (parse, ct) =>
        {
            await using var services = LocalServices.Open(parse, time);
            var result = await HashChainVerifier.VerifyAsync(services.Store, ct);
            if (result.FirstBreak is { } broken)
            {
                output.WriteLine($"BROKEN after {result.Verified} verified event(s): position {broken.Position}, stream {broken.Stream}, event {broken.EventId}: {broken.Kind} ({broken.Detail})");
                return 1;
            }

            output.WriteLine($"OK: {result.Verified} event(s) verified; head position {result.HeadPosition}, head hash {result.HeadHash}");
            return 0;
        });
        return command;
    }
}
