using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Deciders.MaintenanceFixture;

namespace Compliance.Domain.Tests.Deciders;

public sealed class MaintenanceWindowTests
{
    [Fact]
    public void schedules_a_window_in_the_future() =>
        Spec.Maintenance().When(Schedule()).Then(Scheduled());

    [Fact]
    public void schedules_a_window_starting_a_few_minutes_ago_within_clock_tolerance() =>
        Spec.Maintenance()
            .When(Schedule(now: Start.AddMinutes(4)))
            .Then(Scheduled() with { At = Start.AddMinutes(4) });

    [Fact]
    public void rejects_window_that_ends_before_it_starts() =>
        Spec.Maintenance().When(Schedule(endsAt: Start.AddHours(-1))).ThenRejected("ends", "before it starts");

    [Fact]
    public void rejects_window_that_ends_when_it_starts() =>
        Spec.Maintenance().When(Schedule(endsAt: Start)).ThenRejected("at or before it starts");

    [Fact]
    public void rejects_window_longer_than_a_day() =>
        Spec.Maintenance().When(Schedule(endsAt: Start.AddHours(25))).ThenRejected("longer than the 24 hours");

    [Fact]
    public void rejects_window_that_starts_in_the_past() =>
        Spec.Maintenance().When(Schedule(now: Start.AddMinutes(6))).ThenRejected("starts in the past");

    [Fact]
    public void rejects_window_without_id() =>
        Spec.Maintenance().When(Schedule(windowId: " ")).ThenRejected("window id is required");

    [Fact]
    public void rejects_planned_change_without_target_version() =>
        Spec.Maintenance()
            .When(Schedule() with { PlannedChanges = [new PlannedChange(ComponentKind.Kubelet, "kubernetes", "", ChangeKind.Patch)] })
            .ThenRejected("target version");

    [Fact]
    public void rejects_window_that_overlaps_an_open_window() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(Schedule(windowId: "w2", startsAt: End.AddHours(-1), endsAt: End.AddHours(1)))
            .ThenRejected("overlaps window 'w1'");

    [Fact]
    public void schedules_a_window_over_an_aborted_one() =>
        Spec.Maintenance()
            .Given(Scheduled(), new MaintenanceAborted(Cluster, Window, false, "called off", ScheduledOn))
            .When(Schedule(windowId: "w2"))
            .Then(Scheduled("w2"));

    [Fact]
    public void scheduling_the_same_window_again_changes_nothing_even_after_it_started() =>
        Spec.Maintenance().Given(Scheduled(), Started()).When(Schedule(now: During)).ThenUnchanged();

    [Fact]
    public void rejects_the_same_window_id_with_different_data() =>
        Spec.Maintenance().Given(Scheduled()).When(Schedule(endsAt: End.AddHours(1))).ThenRejected("already scheduled", "different data");

    [Fact]
    public void announces_a_scheduled_window() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams@example.com", [ChangeKind.Major], Actor, ScheduledOn))
            .Then(new MaintenanceAnnounced(Cluster, Window, "app-teams@example.com", [ChangeKind.Major], ScheduledOn));

    [Fact]
    public void announcing_the_same_again_changes_nothing() =>
        Spec.Maintenance()
            .Given(Scheduled(), new MaintenanceAnnounced(Cluster, Window, "app-teams", [ChangeKind.Major], ScheduledOn))
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams", [ChangeKind.Major], Actor, ScheduledOn.AddHours(2)))
            .ThenUnchanged();

    [Fact]
    public void announces_to_a_second_audience() =>
        Spec.Maintenance()
            .Given(Scheduled(), new MaintenanceAnnounced(Cluster, Window, "app-teams", [ChangeKind.Major], ScheduledOn))
            .When(new AnnounceMaintenance(Cluster, Window, "security", [ChangeKind.Major], Actor, ScheduledOn))
            .Then(new MaintenanceAnnounced(Cluster, Window, "security", [ChangeKind.Major], ScheduledOn));

    [Fact]
    public void rejects_announcement_for_an_unknown_window() =>
        Spec.Maintenance()
            .When(new AnnounceMaintenance(Cluster, "w9", "app-teams", [ChangeKind.Patch], Actor, ScheduledOn))
            .ThenRejected("unknown window 'w9'");

    [Fact]
    public void rejects_announcement_after_the_window_started() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started())
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams", [ChangeKind.Patch], Actor, During))
            .ThenRejected("after the window started");

    [Fact]
    public void rejects_announcement_once_the_start_time_has_passed() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams", [ChangeKind.Patch], Actor, Start.AddMinutes(1)))
            .ThenRejected("after the window started");

    [Fact]
    public void rejects_announcement_for_a_finished_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams", [ChangeKind.Patch], Actor, End))
            .ThenRejected("finished window");

    [Fact]
    public void rejects_announcement_without_audience() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new AnnounceMaintenance(Cluster, Window, "", [ChangeKind.Patch], Actor, ScheduledOn))
            .ThenRejected("audience is required");

    [Fact]
    public void rejects_announcement_without_change_kinds() =>
        Spec.Maintenance()
            .Given(Scheduled())
            .When(new AnnounceMaintenance(Cluster, Window, "app-teams", [], Actor, ScheduledOn))
            .ThenRejected("kinds of change");

    [Fact]
    public void starts_a_window_at_its_start_time() =>
        Spec.Maintenance().Given(Scheduled()).When(new StartMaintenance(Cluster, Window, Actor, Start)).Then(Started());

    [Fact]
    public void starts_an_announced_window_up_to_fifteen_minutes_early() =>
        Spec.Maintenance()
            .Given(Scheduled(), new MaintenanceAnnounced(Cluster, Window, "app-teams", [ChangeKind.Patch], ScheduledOn))
            .When(new StartMaintenance(Cluster, Window, Actor, Start.AddMinutes(-15)))
            .Then(Started(Start.AddMinutes(-15)));

    [Fact]
    public void rejects_starting_a_window_too_early() =>
        Spec.Maintenance().Given(Scheduled()).When(new StartMaintenance(Cluster, Window, Actor, Start.AddMinutes(-16))).ThenRejected("too early");

    [Fact]
    public void rejects_starting_a_window_after_it_ended() =>
        Spec.Maintenance().Given(Scheduled()).When(new StartMaintenance(Cluster, Window, Actor, End.AddSeconds(1))).ThenRejected("ended at");

    [Fact]
    public void rejects_starting_an_unknown_window() =>
        Spec.Maintenance().When(new StartMaintenance(Cluster, Window, Actor, Start)).ThenRejected("unknown window");

    [Fact]
    public void starting_a_started_window_again_changes_nothing() =>
        Spec.Maintenance().Given(Scheduled(), Started()).When(new StartMaintenance(Cluster, Window, Actor, During)).ThenUnchanged();

    [Fact]
    public void rejects_starting_a_completed_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Started(), Completed())
            .When(new StartMaintenance(Cluster, Window, Actor, During))
            .ThenRejected("cannot start", "completed");

    [Fact]
    public void rejects_starting_an_aborted_window() =>
        Spec.Maintenance()
            .Given(Scheduled(), Aborted())
            .When(new StartMaintenance(Cluster, Window, Actor, Start))
            .ThenRejected("cannot start", "aborted");
}
