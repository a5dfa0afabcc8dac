using System.Text.Json;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compliance.Host.Api;

/// <summary>
/// /health/ready as JSON. Anyone (a load balancer, a probe) gets the status word only: Healthy, Degraded or Unhealthy.
/// Which component is degraded and why (hosts, paths, users, exception text) is for an admin key: each check with its
/// description, data and error.
/// </summary>
internal static class HealthJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        object body = http.User.IsInRole(Roles.Admin)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data,
                    error = e.Value.Exception?.Message,
                }),
            }
            : new { status = report.Status.ToString() };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json), http.RequestAborted);
    }
}
