using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

    private static Task<IResult> Register(HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<RegisterClusterRequest>(http, (s, r, call, ct) => s.RegisterClusterAsync(r, call, ct), ct);

    private static Task<IResult> SetPolicy(string clusterId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<SetPolicyRequest>(http, (s, r, call, ct) => s.SetPolicyAsync(clusterId, r, call, ct), ct);

    private static Task<IResult> Emergency(string clusterId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<EmergencyPatchRequest>(http, (s, r, call, ct) => s.RecordEmergencyPatchAsync(clusterId, r, call, ct), ct);

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

    private static Task<IResult> Schedule(string clusterId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<ScheduleWindowRequest>(http, (s, r, call, ct) => s.ScheduleWindowAsync(clusterId, r, call, ct), ct);

    private static Task<IResult> Announce(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<AnnounceRequest>(http, (s, r, call, ct) => s.AnnounceAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Start(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<StartRequest>(http, (s, r, call, ct) => s.StartAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Upgrade(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<UpgradeRequest>(http, (s, r, call, ct) => s.RecordUpgradeAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Drain(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<DrainRequest>(http, (s, r, call, ct) => s.RecordDrainAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Complete(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<CompleteRequest>(http, (s, r, call, ct) => s.CompleteAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Abort(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<AbortRequest>(http, (s, r, call, ct) => s.AbortAsync(clusterId, windowId, r, call, ct), ct);

    private static Task<IResult> Retrospective(string clusterId, string windowId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<RetrospectiveRequest>(http, (s, r, call, ct) => s.RecordRetrospectiveAsync(clusterId, windowId, r, call, ct), ct);
}
