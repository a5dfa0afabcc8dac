using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Compliance.Host.Api.Commands;

/// <summary>Risk acceptances: an operator requests one; an admin other than the requester approves or rejects it.</summary>
internal static class ExceptionCommandsApi
{
    public static RouteGroupBuilder MapExceptionCommands(this RouteGroupBuilder api)
    {
        var exceptions = api.MapGroup("/clusters/{clusterId}/exceptions").WithTags("Commands");
        exceptions.MapPost("", Request).WithName("RequestException").Command<RequestExceptionRequest>(Roles.OperatePolicy)
            .WithSummary("Request acceptance of one open finding or one running component's risk, with a reason and an expiry day");
        exceptions.MapPost("/{exceptionId}/approve", Approve).WithName("ApproveException").Command<ApproveExceptionRequest>(Roles.AdministerPolicy)
            .WithSummary("Approve an exception (admin; not the requester)");
        exceptions.MapPost("/{exceptionId}/reject", Reject).WithName("RejectException").Command<RejectExceptionRequest>(Roles.AdministerPolicy)
            .WithSummary("Reject an exception (admin; not the requester)");
        return api;
    }

    private static Task<IResult> Request(string clusterId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<RequestExceptionRequest>(http, (s, r, call, ct) => s.RequestExceptionAsync(clusterId, r, call, ct), ct);

    private static Task<IResult> Approve(string clusterId, string exceptionId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<ApproveExceptionRequest>(http, (s, r, call, ct) => s.ApproveExceptionAsync(clusterId, exceptionId, r, call, ct), ct);

    private static Task<IResult> Reject(string clusterId, string exceptionId, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<RejectExceptionRequest>(http, (s, r, call, ct) => s.RejectExceptionAsync(clusterId, exceptionId, r, call, ct), ct);
}

/// <summary>Catalog facts an operator records: a release cycle of a product the shipped catalog lacks, with its source.</summary>
internal static class CatalogCommandsApi
{
    public static RouteGroupBuilder MapCatalogCommands(this RouteGroupBuilder api)
    {
        api.MapGroup("/catalog/products/{product}/cycles").WithTags("Commands")
            .MapPost("", RecordCycle).WithName("RecordCycle").Command<RecordCycleRequest>(Roles.OperatePolicy)
            .WithSummary("Record a release cycle of a product the shipped catalog lacks, with the source and the day it published it");
        return api;
    }

    private static Task<IResult> RecordCycle(string product, HttpContext http, CommandEndpoint endpoint, CancellationToken ct) =>
        endpoint.RunAsync<RecordCycleRequest>(http, (s, r, call, ct) => s.RecordCycleAsync(product, r, call, ct), ct);
}
