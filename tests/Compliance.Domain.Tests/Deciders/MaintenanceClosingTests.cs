using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using static Compliance.Domain.Tests.Deciders.MaintenanceFixture;

namespace Compliance.Domain.Tests.Deciders;

public sealed class MaintenanceClosingTests
{
    private static readonly DateTimeOffset Later = End.AddMinutes(-30);

    [Fact]
    public void completes_a_started_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.PartiallySucceeded, "node-c kept old kernel", Actor, Later))
            .Then(new MaintenanceCompleted(Cluster, Window, WindowOutcome.PartiallySucceeded, "node-c kept old kernel", Later));

    [Fact]
    public void completing_again_with_the_same_outcome_changes_nothing() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.Succeeded, null, Actor, End))
            .ThenUnchanged();

    [Fact]
    public void rejects_completing_again_with_another_outcome() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.Failed, null, Actor, End))
            .ThenRejected("already completed as Succeeded");

    [Fact]
    public void rejects_completing_a_window_that_has_not_started() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.Succeeded, null, Actor, Later))
            .ThenRejected("has not started");

    [Fact]
    public void rejects_completing_an_aborted_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Aborted())
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.Succeeded, null, Actor, Later))
            .ThenRejected("cannot complete", "aborted");

    [Fact]
    public void rejects_completing_an_unknown_window() =>
        Spec.Maintenance()
            .When(new CompleteMaintenance(Cluster, Window, WindowOutcome.Succeeded, null, Actor, Later))
            .ThenRejected("unknown window");

    [Fact]
    public void aborts_a_started_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new AbortMaintenance(Cluster, Window, true, "etcd backup failed", Actor, During))
            .Then(Aborted());

    [Fact]
    public void calls_off_a_scheduled_window() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new AbortMaintenance(Cluster, Window, false, "freeze for quarter end", Actor, ScheduledOn))
            .Then(new MaintenanceAborted(Cluster, Window, false, "freeze for quarter end", ScheduledOn));

    [Fact]
    public void aborting_again_with_the_same_reason_changes_nothing() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Aborted())
            .When(new AbortMaintenance(Cluster, Window, true, "etcd backup failed", Actor, Later))
            .ThenUnchanged();

    [Fact]
    public void rejects_aborting_again_for_another_reason() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Aborted())
            .When(new AbortMaintenance(Cluster, Window, true, "something else", Actor, Later))
            .ThenRejected("already aborted: etcd backup failed");

    [Fact]
    public void rejects_aborting_a_completed_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new AbortMaintenance(Cluster, Window, true, "too late", Actor, End))
            .ThenRejected("cannot abort", "completed");

    [Fact]
    public void rejects_aborting_without_reason() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new AbortMaintenance(Cluster, Window, true, " ", Actor, During))
            .ThenRejected("reason is required");

    [Fact]
    public void rejects_aborting_an_unknown_window() =>
        Spec.Maintenance()
            .When(new AbortMaintenance(Cluster, Window, true, "x", Actor, During))
            .ThenRejected("unknown window");

    [Fact]
    public void records_a_retrospective_for_a_completed_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new RecordRetrospective(Cluster, Window, ["drain of node-b took 40 min", " "], ["raise PDB"], Actor, End.AddDays(2)))
            .Then(new RetrospectiveRecorded(Cluster, Window, ["drain of node-b took 40 min"], ["raise PDB"], End.AddDays(2)));

    [Fact]
    public void records_a_retrospective_for_an_aborted_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Aborted())
            .When(new RecordRetrospective(Cluster, Window, ["backup job unmonitored"], [], Actor, End))
            .Then(new RetrospectiveRecorded(Cluster, Window, ["backup job unmonitored"], [], End));

    [Fact]
    public void recording_the_same_retrospective_again_changes_nothing() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed(), new RetrospectiveRecorded(Cluster, Window, ["f1"], ["i1"], End))
            .When(new RecordRetrospective(Cluster, Window, ["f1"], ["i1"], Actor, End.AddDays(1)))
            .ThenUnchanged();

    [Fact]
    public void rejects_a_second_different_retrospective() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed(), new RetrospectiveRecorded(Cluster, Window, ["f1"], ["i1"], End))
            .When(new RecordRetrospective(Cluster, Window, ["f2"], [], Actor, End.AddDays(1)))
            .ThenRejected("already recorded");

    [Fact]
    public void rejects_retrospective_for_an_unknown_window() =>
        Spec.Maintenance()
            .When(new RecordRetrospective(Cluster, "w7", ["f1"], [], Actor, End))
            .ThenRejected("retrospective for an unknown window 'w7'");

    [Fact]
    public void rejects_retrospective_before_the_window_is_finished() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new RecordRetrospective(Cluster, Window, ["f1"], [], Actor, During))
            .ThenRejected("before the window is completed or aborted");

    [Fact]
    public void rejects_retrospective_without_findings() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new RecordRetrospective(Cluster, Window, [" "], ["i1"], Actor, End))
            .ThenRejected("at least one finding");
}
