using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Domain.Tests.Verdicts;

/// <summary>DOMAIN.md "Process checks", window outcome: held only when completed as planned.</summary>
public sealed class WindowOutcomeTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset S = Ledger.At(2026, 3, 8, 3);

    public enum Ending
    {
        Succeeded,
        Partial,
        Failed,
        AbortedWithContingency,
        CalledOff,
        StartedOnly,
        NotStarted,
    }

    private static Ledger Window(Ending ending)
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-35));
        return ending switch
        {
            Ending.Succeeded => ledger.Started("w1", S.AddMinutes(5)).Completed("w1", S.AddHours(3)),
            Ending.Partial => ledger.Started("w1", S.AddMinutes(5)).Completed("w1", S.AddHours(3), WindowOutcome.PartiallySucceeded, "node-c kept its old kernel: drain blocked by a PDB"),
            Ending.Failed => ledger.Started("w1", S.AddMinutes(5)).Completed("w1", S.AddHours(3), WindowOutcome.Failed, "upgrade rolled back"),
            Ending.AbortedWithContingency => ledger.Started("w1", S.AddMinutes(5)).Aborted("w1", S.AddHours(1)),
            Ending.CalledOff => ledger.Aborted("w1", S.AddDays(-2), contingencyUsed: false, reason: "change freeze"),
            Ending.StartedOnly => ledger.Started("w1", S.AddMinutes(5)),
            Ending.NotStarted => ledger,
            _ => throw new ArgumentOutOfRangeException(nameof(ending)),
        };
    }

    // All nine billing-prod windows Mar-Nov 2026 ended PartiallySucceeded and were shown as held; an aborted window
    // that made an upgrade counted as held too.
    [Theory]
    [InlineData(Ending.Succeeded, WindowResult.Held, 1.0, null, null)]
    [InlineData(Ending.Partial, WindowResult.Partial, 0.5, FindingKind.PartialWindow, "node-c kept its old kernel: drain blocked by a PDB")]
    [InlineData(Ending.Failed, WindowResult.Aborted, 0.0, FindingKind.AbortedWindow, "completed as failed: upgrade rolled back")]
    [InlineData(Ending.AbortedWithContingency, WindowResult.Aborted, 0.0, FindingKind.AbortedWindow, "contingency plan used: api server did not come back")]
    [InlineData(Ending.CalledOff, WindowResult.Aborted, 0.0, FindingKind.AbortedWindow, "called off, contingency plan not used: change freeze")]
    [InlineData(Ending.StartedOnly, WindowResult.NoOutcome, 0.0, null, null)]
    [InlineData(Ending.NotStarted, WindowResult.Missed, 0.0, null, null)]
    public void a_window_is_held_only_when_completed_as_planned_and_partial_and_aborted_are_findings_with_their_reason(
        Ending ending, WindowResult result, double score, FindingKind? finding, string? reason)
    {
        var history = Window(ending).History();

        var verdict = WindowOutcomes.Evaluate(history, S.AddDays(1)).ShouldHaveSingleItem();
        var findings = ProcessChecks.Evaluate(history, null, S.AddDays(1)).Where(f => f.Kind is FindingKind.PartialWindow or FindingKind.AbortedWindow).ToList();

        verdict.Result.ShouldBe(result);
        verdict.Score.ShouldBe(score);
        verdict.Reason.ShouldBe(reason);
        if (finding is null)
        {
            findings.ShouldBeEmpty();
            return;
        }

        var f = findings.ShouldHaveSingleItem();
        f.Kind.ShouldBe(finding.Value);
        f.Subject.ShouldBe("w1");
        f.Detail.ShouldContain(reason!);
        f.Evidence.Count.ShouldBe(2);
    }

    [Fact]
    public void a_window_not_due_yet_has_no_score()
    {
        var upcoming = Window(Ending.NotStarted).History();
        var running = Window(Ending.StartedOnly).History();

        WindowOutcomes.Evaluate(upcoming, S.AddHours(-1)).ShouldHaveSingleItem().Result.ShouldBe(WindowResult.Upcoming);
        WindowOutcomes.Evaluate(running, S.AddHours(1)).ShouldHaveSingleItem().Result.ShouldBe(WindowResult.InProgress);
        WindowOutcomes.Score(WindowOutcomes.Evaluate(running, S.AddHours(1))).ShouldBe(new WindowScore(0, 0, 0, 0, 0, 0, null));
    }

    [Fact]
    public void the_window_score_counts_held_1_partial_half_and_aborted_and_missed_0()
    {
        var history = new Ledger().Registered(T)
            .Scheduled("w1", S, at: S.AddDays(-35)).Started("w1", S).Completed("w1", S.AddHours(3))
            .Scheduled("w2", S.AddDays(31), at: S.AddDays(-4)).Started("w2", S.AddDays(31)).Completed("w2", S.AddDays(31).AddHours(3), WindowOutcome.PartiallySucceeded, "one node left")
            .Scheduled("w3", S.AddDays(61), at: S.AddDays(26)).Started("w3", S.AddDays(61)).Aborted("w3", S.AddDays(61).AddHours(1))
            .Scheduled("w4", S.AddDays(92), at: S.AddDays(57))
            .History();

        var score = WindowOutcomes.Score(WindowOutcomes.Evaluate(history, S.AddDays(100)));

        score.ShouldBe(new WindowScore(Due: 4, Held: 1, Partial: 1, Aborted: 1, Missed: 1, NoOutcome: 0, Share: 1.5 / 4));
    }

    [Fact]
    public void a_partial_window_finding_is_resolved_by_the_next_window_held_as_planned()
    {
        var history = new Ledger().Registered(T)
            .Scheduled("w1", S, at: S.AddDays(-35)).Started("w1", S).Completed("w1", S.AddHours(3), WindowOutcome.PartiallySucceeded, "one node left")
            .Scheduled("w2", S.AddDays(31), at: S.AddDays(-4)).Started("w2", S.AddDays(31)).Completed("w2", S.AddDays(31).AddHours(3))
            .History();

        var partial = ProcessChecks.Evaluate(history, null, S.AddDays(40)).Single(f => f.Kind == FindingKind.PartialWindow);

        partial.DetectedAt.ShouldBe(S.AddHours(3));
        partial.ResolvedAt.ShouldBe(S.AddDays(31).AddHours(3));
        ProcessChecks.Evaluate(history, null, S.AddDays(20)).Single(f => f.Kind == FindingKind.PartialWindow).ResolvedAt.ShouldBeNull();
    }
}
