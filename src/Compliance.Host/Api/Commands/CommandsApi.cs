using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Policies;
using Compliance.Domain.Versions;
using Compliance.Host.Api.Requests;
using Compliance.Host.Api.Validation;
using Compliance.Host.Serve;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Host.Api.Commands;

/// <summary>Commands on a cluster: register it (operator), set its policy (admin), record an emergency patch (operator).</summary>
internal static class ClusterCommandsApi
{
    public static RouteGroupBuilder MapClusterCommands(this RouteGroupBuilder api)
    {
        var clusters = api.MapGroup("/clusters").WithTags("Commands");
        clusters.MapPost("", Register).WithName("RegisterCluster").Command<RegisterClusterRequest>(Roles.OperatePolicy)
            .WithSummary("Register a cluster");
        clusters.MapPost("/{clusterId}/policy", SetPolicy).WithName("SetPolicy").Command<SetPolicyRequest>(Roles.AdministerPolicy)
            .WithSummary("Set the cluster's maintenance policy (admin)");
        clusters.MapPost("/{clusterId}/emergency-patches", Emergency).WithName("RecordEmergencyPatch").Command<EmergencyPatchRequest>(Roles.OperatePolicy)
            .WithSummary("Record an out-of-band patch for CVEs");
        return api;
    }

    private static Task<IResult> Register(HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<RegisterClusterRequest>(http, RouteIds.None, (r, actor, now) => new RegisterCluster(
            r.ClusterId!, r.DisplayName!.Trim(), Inputs.Enum<Environment>(r.Environment), r.OwnerTeam!.Trim(), Inputs.Enum<Flavour>(r.Flavour),
            r.StagingClusterId, actor, now), ct);

    private static Task<IResult> SetPolicy(string clusterId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<SetPolicyRequest>(http, RouteIds.Cluster(clusterId), (r, actor, now) => new SetMaintenancePolicy(clusterId, new MaintenancePolicy(
                new WindowSchedule(r.WindowCron!, TimeSpan.FromHours(r.WindowHours!.Value), r.TimeZone!),
                new PatchSla(TimeSpan.FromHours(r.CriticalSlaHours!.Value), TimeSpan.FromDays(r.OtherSlaDays!.Value)),
                r.NoticeDays!.Value,
                r.StagingSoakDays!.Value,
                new EolThresholds(r.EolHighDays!.Value, r.EolMediumDays!.Value),
                r.ExtendedSupport,
                r.WindowCadenceDays ?? MaintenancePolicy.Default.WindowCadenceDays,
                r.RetrospectiveDays ?? MaintenancePolicy.Default.RetrospectiveDays,
                r.KubernetesMinorIsMajor ?? true), actor, now), ct);

    private static Task<IResult> Emergency(string clusterId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<EmergencyPatchRequest>(http, RouteIds.Cluster(clusterId), (r, actor, now) => new RecordEmergencyPatch(
            clusterId, r.EmergencyId!, [.. r.CveIds!.Select(c => c!)], [.. r.Products!.Select(p => p!.Trim())], r.StartedAt!.Value, r.EndedAt!.Value, actor, now), ct);

    /// <summary>The metadata every command endpoint declares: its body, its answers, its policy.</summary>
    internal static RouteHandlerBuilder Command<TRequest>(this RouteHandlerBuilder endpoint, string policy) where TRequest : notnull =>
        endpoint.Accepts<TRequest>("application/json")
            .Produces<CommandResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(policy);
}

/// <summary>Commands on a maintenance window, all for operators: schedule, announce, start, record work, complete or abort, retrospective.</summary>
internal static class WindowCommandsApi
{
    public static RouteGroupBuilder MapWindowCommands(this RouteGroupBuilder api)
    {
        var windows = api.MapGroup("/clusters/{clusterId}/windows").WithTags("Commands");
        windows.MapPost("", Schedule).WithName("ScheduleWindow").Command<ScheduleWindowRequest>(Roles.OperatePolicy).WithSummary("Schedule a maintenance window");
        windows.MapPost("/{windowId}/announce", Announce).WithName("AnnounceWindow").Command<AnnounceRequest>(Roles.OperatePolicy).WithSummary("Announce the window's changes");
        windows.MapPost("/{windowId}/start", Start).WithName("StartWindow").Command<StartRequest>(Roles.OperatePolicy).WithSummary("Start the window");
        windows.MapPost("/{windowId}/upgrades", Upgrade).WithName("RecordUpgrade").Command<UpgradeRequest>(Roles.OperatePolicy).WithSummary("Record a component upgrade");
        windows.MapPost("/{windowId}/drains", Drain).WithName("RecordDrain").Command<DrainRequest>(Roles.OperatePolicy).WithSummary("Record a node drain");
        windows.MapPost("/{windowId}/complete", Complete).WithName("CompleteWindow").Command<CompleteRequest>(Roles.OperatePolicy).WithSummary("Complete the window");
        windows.MapPost("/{windowId}/abort", Abort).WithName("AbortWindow").Command<AbortRequest>(Roles.OperatePolicy).WithSummary("Abort the window");
        windows.MapPost("/{windowId}/retrospective", Retrospective).WithName("RecordRetrospective").Command<RetrospectiveRequest>(Roles.OperatePolicy)
            .WithSummary("Record the window's retrospective");
        return api;
    }

    private static Task<IResult> Schedule(string clusterId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<ScheduleWindowRequest>(http, RouteIds.Cluster(clusterId), (r, actor, now) => new ScheduleWindow(
            clusterId, r.WindowId!, r.StartsAt!.Value, r.EndsAt!.Value, r.ContingencyPlan,
            [.. (r.PlannedChanges ?? []).Select(c => new PlannedChange(Inputs.Enum<ComponentKind>(c!.Kind), c.Product!.Trim(), c.ToVersion!.Trim(), Inputs.Enum<ChangeKind>(c.ChangeKind)))],
            actor, now), ct);

    private static Task<IResult> Announce(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<AnnounceRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new AnnounceMaintenance(
            clusterId, windowId, r.Audience!.Trim(), [.. r.ChangeKinds!.Select(Inputs.Enum<ChangeKind>)], actor, now), ct);

    private static Task<IResult> Start(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<StartRequest>(http, RouteIds.Window(clusterId, windowId), (_, actor, now) => new StartMaintenance(clusterId, windowId, actor, now), ct);

    private static Task<IResult> Upgrade(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<UpgradeRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new RecordComponentUpgrade(
            clusterId, windowId, new ComponentRef(Inputs.Enum<ComponentKind>(r.Kind), r.Product!.Trim(), r.Node?.Trim() ?? ""),
            r.FromVersion!.Trim(), r.ToVersion!.Trim(), actor, now), ct);

    private static Task<IResult> Drain(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<DrainRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new RecordNodeDrained(
            clusterId, windowId, r.Node!.Trim(), TimeSpan.FromSeconds(r.DurationSeconds!.Value), [.. (r.Problems ?? []).Select(Inputs.Enum<DrainProblem>)], actor, now), ct);

    private static Task<IResult> Complete(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<CompleteRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new CompleteMaintenance(
            clusterId, windowId, Inputs.Enum<WindowOutcome>(r.Outcome), r.Notes, actor, now), ct);

    private static Task<IResult> Abort(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<AbortRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new AbortMaintenance(
            clusterId, windowId, r.ContingencyUsed!.Value, r.Reason!.Trim(), actor, now), ct);

    private static Task<IResult> Retrospective(string clusterId, string windowId, HttpContext http, CommandPipeline pipeline, CancellationToken ct) =>
        pipeline.RunAsync<RetrospectiveRequest>(http, RouteIds.Window(clusterId, windowId), (r, actor, now) => new RecordRetrospective(
            clusterId, windowId, [.. r.Findings!.Select(f => f!.Trim())], [.. (r.Improvements ?? []).Select(i => i!.Trim())], actor, now), ct);
}
