using Compliance.Application.Queries;
using Compliance.Application.UseCases.Requests;
using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.UseCases;

/// <summary>
/// The maintenance commands, one method per use case, for every caller (the HTTP API, the CLI in process): each maps its
/// validated request to the domain command and runs it through the one command pipeline.
/// </summary>
public sealed partial class CommandService
{
    private readonly CommandPipeline pipeline;
    private readonly StagingClusterRule staging;
    private readonly FleetQueries queries;
    private readonly TimeProvider time;

    internal CommandService(CommandPipeline pipeline, StagingClusterRule staging, FleetQueries queries, TimeProvider time)
    {
        this.pipeline = pipeline;
        this.staging = staging;
        this.queries = queries;
        this.time = time;
    }

    public Task<CommandResult> RegisterClusterAsync(RegisterClusterRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RegisterClusterAsync), RouteIds.None, r, call, (r, actor, now) => new RegisterCluster(
            r.ClusterId!, r.DisplayName!.Trim(), Inputs.Enum<Environment>(r.Environment), r.OwnerTeam!.Trim(), Inputs.Enum<Flavour>(r.Flavour),
            r.StagingClusterId, actor, now), (r, ct) => staging.ProblemAsync(r.StagingClusterId, ct), ct);

    public Task<CommandResult> SetPolicyAsync(string clusterId, SetPolicyRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(SetPolicyAsync), RouteIds.Cluster(clusterId), r, call, (r, actor, now) => new SetMaintenancePolicy(clusterId, new MaintenancePolicy(
                new WindowSchedule(r.WindowCron!, TimeSpan.FromHours(r.WindowHours!.Value), r.TimeZone!),
                new PatchSla(TimeSpan.FromHours(r.CriticalSlaHours!.Value), TimeSpan.FromDays(r.OtherSlaDays!.Value)),
                r.NoticeDays!.Value,
                r.StagingSoakDays!.Value,
                new EolThresholds(r.EolHighDays!.Value, r.EolMediumDays!.Value),
                r.ExtendedSupport,
                r.WindowCadenceDays ?? MaintenancePolicy.Default.WindowCadenceDays,
                r.RetrospectiveDays ?? MaintenancePolicy.Default.RetrospectiveDays,
                r.KubernetesMinorIsMajor ?? true), actor, now), ct);

    public Task<CommandResult> RecordEmergencyPatchAsync(string clusterId, EmergencyPatchRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RecordEmergencyPatchAsync), RouteIds.Cluster(clusterId), r, call, (r, actor, now) => new RecordEmergencyPatch(
            clusterId, r.EmergencyId!, [.. r.CveIds!.Select(c => c!)], [.. r.Products!.Select(p => p!.Trim())], r.StartedAt!.Value, r.EndedAt!.Value, actor, now), ct);

    public Task<CommandResult> ScheduleWindowAsync(string clusterId, ScheduleWindowRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(ScheduleWindowAsync), RouteIds.Cluster(clusterId), r, call, (r, actor, now) => new ScheduleWindow(
            clusterId, r.WindowId!, r.StartsAt!.Value, r.EndsAt!.Value, r.ContingencyPlan,
            [.. (r.PlannedChanges ?? []).Select(c => new PlannedChange(Inputs.Enum<ComponentKind>(c!.Kind), c.Product!.Trim(), c.ToVersion!.Trim(), Inputs.Enum<ChangeKind>(c.ChangeKind)))],
            actor, now), ct);

    public Task<CommandResult> AnnounceAsync(string clusterId, string windowId, AnnounceRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(AnnounceAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new AnnounceMaintenance(
            clusterId, windowId, r.Audience!.Trim(), [.. r.ChangeKinds!.Select(Inputs.Enum<ChangeKind>)], actor, now), ct);

    public Task<CommandResult> StartAsync(string clusterId, string windowId, StartRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(StartAsync), RouteIds.Window(clusterId, windowId), r, call, (_, actor, now) => new StartMaintenance(clusterId, windowId, actor, now), ct);

    public Task<CommandResult> RecordUpgradeAsync(string clusterId, string windowId, UpgradeRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RecordUpgradeAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new RecordComponentUpgrade(
            clusterId, windowId, new ComponentRef(Inputs.Enum<ComponentKind>(r.Kind), r.Product!.Trim(), r.Node?.Trim() ?? ""),
            r.FromVersion!.Trim(), r.ToVersion!.Trim(), actor, now), ct);

    public Task<CommandResult> RecordDrainAsync(string clusterId, string windowId, DrainRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RecordDrainAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new RecordNodeDrained(
            clusterId, windowId, r.Node!.Trim(), TimeSpan.FromSeconds(r.DurationSeconds!.Value), [.. (r.Problems ?? []).Select(Inputs.Enum<DrainProblem>)], actor, now), ct);

    public Task<CommandResult> CompleteAsync(string clusterId, string windowId, CompleteRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(CompleteAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new CompleteMaintenance(
            clusterId, windowId, Inputs.Enum<WindowOutcome>(r.Outcome), r.Notes, actor, now), ct);

    public Task<CommandResult> AbortAsync(string clusterId, string windowId, AbortRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(AbortAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new AbortMaintenance(
            clusterId, windowId, r.ContingencyUsed!.Value, r.Reason!.Trim(), actor, now), ct);

    public Task<CommandResult> RecordRetrospectiveAsync(string clusterId, string windowId, RetrospectiveRequest r, CommandCall call, CancellationToken ct) =>
        pipeline.RunAsync(nameof(RecordRetrospectiveAsync), RouteIds.Window(clusterId, windowId), r, call, (r, actor, now) => new RecordRetrospective(
            clusterId, windowId, [.. r.Findings!.Select(f => f!.Trim())], [.. (r.Improvements ?? []).Select(i => i!.Trim())], actor, now), ct);
}
