using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Api.Tests;

/// <summary>Keys and roles: the role matrix over every API endpoint, 401s, the endpoint-authorization walk, keys never logged.</summary>
public sealed class SecurityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Every API endpoint with the least role allowed to call it.</summary>
    private static readonly (string Method, string Template, string Path, string Role)[] Endpoints =
    [
        ("GET", "/api/v1/clusters", "/api/v1/clusters", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}", "/api/v1/clusters/web-prod", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}/eol-risk", "/api/v1/clusters/web-prod/eol-risk", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}/patch-latency", "/api/v1/clusters/web-prod/patch-latency", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}/findings", "/api/v1/clusters/web-prod/findings", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}/history", "/api/v1/clusters/web-prod/history", "auditor"),
        ("GET", "/api/v1/clusters/{clusterId}/exceptions", "/api/v1/clusters/web-prod/exceptions", "auditor"),
        ("GET", "/api/v1/fleet/findings", "/api/v1/fleet/findings", "auditor"),
        ("GET", "/api/v1/fleet/exceptions", "/api/v1/fleet/exceptions", "auditor"),
        ("GET", "/api/v1/fleet/eol-risk", "/api/v1/fleet/eol-risk", "auditor"),
        ("GET", "/api/v1/eol-risk/check", "/api/v1/eol-risk/check?version=1.30.1", "auditor"),
        ("GET", "/api/v1/reports", "/api/v1/reports?scope=fleet", "auditor"),
        ("POST", "/api/v1/clusters", "/api/v1/clusters", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/policy", "/api/v1/clusters/web-prod/policy", "admin"),
        ("POST", "/api/v1/clusters/{clusterId}/emergency-patches", "/api/v1/clusters/web-prod/emergency-patches", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows", "/api/v1/clusters/web-prod/windows", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/announce", "/api/v1/clusters/web-prod/windows/role-w/announce", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/start", "/api/v1/clusters/web-prod/windows/role-w/start", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/upgrades", "/api/v1/clusters/web-prod/windows/role-w/upgrades", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/drains", "/api/v1/clusters/web-prod/windows/role-w/drains", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/complete", "/api/v1/clusters/web-prod/windows/role-w/complete", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/abort", "/api/v1/clusters/web-prod/windows/role-w/abort", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/windows/{windowId}/retrospective", "/api/v1/clusters/web-prod/windows/role-w/retrospective", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/exceptions", "/api/v1/clusters/web-prod/exceptions", "operator"),
        ("POST", "/api/v1/clusters/{clusterId}/exceptions/{exceptionId}/approve", "/api/v1/clusters/web-prod/exceptions/role-x/approve", "admin"),
        ("POST", "/api/v1/clusters/{clusterId}/exceptions/{exceptionId}/reject", "/api/v1/clusters/web-prod/exceptions/role-x/reject", "admin"),
        ("POST", "/api/v1/catalog/products/{product}/cycles", "/api/v1/catalog/products/role-product/cycles", "operator"),
    ];

    private static readonly string[] RoleOrder = ["auditor", "operator", "admin"];

    /// <summary>Paths that answer without a key: health, metrics, the OpenAPI document and the API page.</summary>
    private static readonly string[] Anonymous = ["/health/", "/metrics", "/openapi/", "/scalar", "/fleet/sign-"];

    public static TheoryData<string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var e in Endpoints) foreach (var role in RoleOrder) data.Add(e.Method + " " + e.Template, role);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task each_role_is_allowed_or_forbidden_each_endpoint(string endpoint, string role)
    {
        var e = Endpoints.Single(x => x.Method + " " + x.Template == endpoint);
        var before = await api.LedgerHeadAsync();
        var response = await Send(api.ClientFor(KeyOf(role)), e.Method, e.Path);
        var allowed = Array.IndexOf(RoleOrder, role) >= Array.IndexOf(RoleOrder, e.Role);
        if (allowed)
        {
            response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden);
            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await api.LedgerHeadAsync()).ShouldBe(before);
        }
    }

    public static TheoryData<string> AllEndpoints => [.. Endpoints.Select(e => e.Method + " " + e.Template)];

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task every_endpoint_is_401_without_a_key_or_with_a_wrong_one(string endpoint)
    {
        var e = Endpoints.Single(x => x.Method + " " + x.Template == endpoint);
        var none = await Send(api.ClientFor(null), e.Method, e.Path);
        var wrong = await Send(api.ClientFor("not-a-configured-key"), e.Method, e.Path);
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public void the_role_matrix_covers_every_api_endpoint()
    {
        var mapped = ApiEndpoints().Select(e => e.Method + " " + e.Template).Order().ToList();
        mapped.ShouldBe(Endpoints.Select(e => e.Method + " " + e.Template).Order().ToList());
    }

    [Fact]
    public void every_endpoint_declares_an_authorization_policy_except_health_metrics_and_the_api_documents()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        endpoints.Count.ShouldBeGreaterThan(Endpoints.Length);
        var missing = endpoints
            .Where(e => !Anonymous.Any(a => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(a, StringComparison.Ordinal)))
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => string.IsNullOrEmpty(a.Policy))
                || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.DisplayName)
            .ToList();
        missing.ShouldBeEmpty();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText!).ToList();
        anonymous.ShouldAllBe(p => Anonymous.Any(a => ("/" + p.TrimStart('/')).StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task keys_never_appear_in_the_logs()
    {
        await api.Auditor().GetAsync("/api/v1/clusters");
        await api.ClientFor("wrong-key-that-must-not-be-logged").GetAsync("/api/v1/clusters");
        await ApiFactory.PostAsync(api.Operator(), "/api/v1/clusters", new { });
        api.Logs.Lines.ShouldNotBeEmpty();
        api.Logs.Lines.ShouldAllBe(line => !line.Contains(ApiFactory.AuditorKey) && !line.Contains(ApiFactory.OperatorKey)
            && !line.Contains("wrong-key-that-must-not-be-logged"));
    }

    private IEnumerable<(string Method, string Template)> ApiEndpoints() =>
        from e in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let template = "/" + e.RoutePattern.RawText!.TrimStart('/').TrimEnd('/')
        where template.StartsWith("/api/v1/", StringComparison.Ordinal)
        from method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []
        select (method, template);

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : ApiFactory.PostAsync(client, path, new { });

    private static string KeyOf(string role) => role switch
    {
        "admin" => ApiFactory.AdminKey,
        "operator" => ApiFactory.OperatorKey,
        _ => ApiFactory.AuditorKey,
    };
}
