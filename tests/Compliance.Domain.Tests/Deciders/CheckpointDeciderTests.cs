using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

public sealed class CheckpointDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', 64);

    private static LedgerCheckpointed Checkpoint(long position, string hash) =>
        new(position, hash, Now.AddHours(-1), "Ed25519", "sha256:" + new string('0', 64), "c2lnbmF0dXJl");

    private static DeciderSpec<RecordLedgerCheckpoint, CheckpointState> Spec() => new(CheckpointDecider.Decide, CheckpointDecider.Evolve, CheckpointDecider.Initial);

    [Fact]
    public void a_new_position_is_recorded() =>
        Spec().When(new RecordLedgerCheckpoint(Checkpoint(10, Hash), "serve", Now)).Then(Checkpoint(10, Hash));

    [Fact]
    public void the_same_position_with_the_same_hash_records_nothing() =>
        Spec().Given(Checkpoint(10, Hash)).When(new RecordLedgerCheckpoint(Checkpoint(10, Hash), "serve", Now)).ThenUnchanged();

    [Fact]
    public void the_same_position_with_another_hash_is_refused_as_a_rewritten_ledger() =>
        Spec().Given(Checkpoint(10, Hash)).When(new RecordLedgerCheckpoint(Checkpoint(10, new string('b', 64)), "serve", Now)).ThenRejected("rewritten");

    [Fact]
    public void an_earlier_position_is_recorded_beside_a_later_one() =>
        Spec().Given(Checkpoint(10, Hash)).When(new RecordLedgerCheckpoint(Checkpoint(4, new string('c', 64)), "report", Now)).Then(Checkpoint(4, new string('c', 64)));

    [Theory]
    [InlineData(0, "aaaa", "not a ledger position")]
    [InlineData(5, "not-a-hash", "is not a SHA-256")]
    public void a_checkpoint_that_names_no_event_is_refused(long position, string hash, string expected) =>
        Spec().When(new RecordLedgerCheckpoint(Checkpoint(position, hash.Length == 4 ? Hash : hash), "serve", Now)).ThenRejected(expected);

    [Fact]
    public void the_command_goes_to_the_checkpoints_stream() =>
        Streams.For(new RecordLedgerCheckpoint(Checkpoint(1, Hash), "serve", Now)).ShouldBe("ledger-checkpoints");
}
