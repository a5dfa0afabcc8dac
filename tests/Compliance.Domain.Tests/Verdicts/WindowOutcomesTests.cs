using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class WindowOutcomesTests
{
    private static readonly DateTimeOffset T = Ledger.At(2026, 1, 5);
    private static readonly DateTimeOffset S = Ledger.At(2026, 3, 3, 2);

    public static TheoryData<string, WindowState, double?> Cases => new()
    {
        { "completed as planned", WindowState.Held, 1 },
        { "completed with part of the plan undone", WindowState.Partial, 0.5 },
        { "completed as failed", WindowState.Failed, 0 },
        { "aborted after an upgrade", WindowState.Aborted, 0 },
        { "never started", WindowState.Missed, 0 },
        { "started, no end recorded", WindowState.NoOutcome, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void a_window_is_held_only_when_it_completed_as_planned(string story, WindowState expected, double? score)
    {
        var ledger = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40));
        var end = S.AddHours(3);
        switch (story)
        {
            case "completed as planned": ledger.Started("w1", S).Completed("w1", end); break;
            case "completed with part of the plan undone": ledger.Started("w1", S).Completed("w1", end, WindowOutcome.PartiallySucceeded); break;
            case "completed as failed": ledger.Started("w1", S).Completed("w1", end, WindowOutcome.Failed); break;
            case "aborted after an upgrade":
                ledger.Started("w1", S).Upgraded("w1", ComponentKind.ControlPlane, "kubernetes", "1.33.4", "1.33.5", ChangeKind.Patch, S.AddHours(1)).Aborted("w1", end);
                break;
            case "started, no end recorded": ledger.Started("w1", S); break;
        }

        var state = WindowOutcomes.StateOf(ledger.History().Window("w1")!, S.AddDays(1));
        state.ShouldBe(expected, story);
        WindowOutcomes.Score(state).ShouldBe(score);
    }

    [Fact]
    public void a_window_is_not_due_before_its_end_and_knows_only_what_was_recorded_by_as_of()
    {
        var window = new Ledger().Registered(T).Scheduled("w1", S, at: S.AddDays(-40)).Started("w1", S)
            .Completed("w1", S.AddHours(3), WindowOutcome.PartiallySucceeded).History().Window("w1")!;

        WindowOutcomes.StateOf(window, S.AddHours(-1)).ShouldBe(WindowState.Upcoming);
        WindowOutcomes.StateOf(window, S.AddHours(1)).ShouldBe(WindowState.InProgress);
        WindowOutcomes.Score(WindowState.InProgress).ShouldBeNull();
        WindowOutcomes.StateOf(window, S.AddHours(3)).ShouldBe(WindowState.Partial);
    }
}
