using Compliance.Application.Checkpoints;
using Compliance.Application.Integration;
using Compliance.Application.Ports;
using Compliance.Application.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Contract = Compliance.Contracts.Integration.LedgerCheckpointed;

namespace Compliance.Host.Serve;

/// <summary>
/// Signs the ledger's head every Compliance:Checkpoints:EveryEvents events or EveryMinutes minutes (never while the
/// ledger and the read models disagree, never a history that does not extend the last checkpoint), and puts every
/// checkpoint recorded (its own and those of reports) on the bus as <see cref="Contract"/> for witnesses. The ledger
/// is looked at every second on the system clock (a poll, not a rule); the minutes are the service's clock. Off with
/// Compliance:Checkpoints:Enabled = false.
/// </summary>
internal sealed partial class CheckpointWorker(
    LedgerCheckpoints checkpoints,
    LedgerGuard guard,
    IOptions<CheckpointOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<CheckpointWorker> log) : BackgroundService
{
    private const string Actor = "serve/checkpoints";
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private int published = -1;
    private string? refused;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var started = time.GetUtcNow();
        try
        {
            var key = checkpoints.Keys.Key;
            if (checkpoints.Keys.Created) LogKeyCreated(checkpoints.Keys.Path, key.Fingerprint);
            else LogKey(key.Fingerprint, checkpoints.Keys.Path);
        }
        catch (CheckpointKeyException e)
        {
            LogNoKey(e.Message);
            return;
        }

        var every = TimeSpan.FromMinutes(options.Value.EveryMinutes);
        using var timer = new PeriodicTimer(Poll);
        do
        {
            try
            {
                await TickAsync(every, started, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task TickAsync(TimeSpan every, DateTimeOffset started, CancellationToken ct)
    {
        if (await guard.DisagreementAsync(ct) is { } reason)
        {
            if (reason != refused) LogRefused(reason);
            refused = reason;
            return;
        }

        refused = null;
        try
        {
            if (await checkpoints.TakeIfDueAsync(options.Value.EveryEvents, every, started, Actor, ct) is { } signed) LogSigned(signed.Position, signed.Hash);
        }
        catch (LedgerIntegrityException e)
        {
            if (e.Message != refused) LogRefused(e.Message);
            refused = e.Message;
        }

        await PublishAsync(ct);
    }

    /// <summary>The checkpoints recorded since the last published (after a start: the latest only; repeats carry the same id).</summary>
    private async Task PublishAsync(CancellationToken ct)
    {
        if (services.GetService<IIntegrationEventPublisher>() is not { } publisher) return;
        var recorded = await checkpoints.RecordedAsync(ct);
        if (published < 0) published = Math.Max(0, recorded.Count - 1);
        var key = checkpoints.Keys.Key;
        for (; published < recorded.Count; published++)
        {
            var c = recorded[published].Checkpoint;
            var message = new Contract(c.Position, c.Hash, c.RecordedAt, c.Algorithm, c.KeyFingerprint, c.Signature, c.KeyFingerprint == key.Fingerprint ? key.PublicKeyPem : "");
            await publisher.PublishAsync(message, MessageIds.For($"LedgerCheckpointed|{c.Position}|{c.Hash}|{c.KeyFingerprint}"), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the checkpoint signing key {Path} (fingerprint {Fingerprint}); production configures its own (Compliance:Checkpoints:KeyFile), kept apart from the data")]
    private partial void LogKeyCreated(string path, string fingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoints are signed with key {Fingerprint} ({Path})")]
    private partial void LogKey(string fingerprint, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "No checkpoints are signed: {Problem}")]
    private partial void LogNoKey(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed checkpoint at position {Position} ({Hash})")]
    private partial void LogSigned(long position, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "No checkpoint is signed: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpointing failed; the next poll retries")]
    private partial void LogFailed(Exception e);
}
