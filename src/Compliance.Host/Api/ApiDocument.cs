using System.Text.Json;
using System.Text.Json.Serialization;
using Compliance.Host.Api.Commands;
using Compliance.Application.UseCases.Requests;
using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Compliance.Host.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: API-key security, the POST headers, and an example for every request body.</summary>
internal static class ApiDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddComplianceOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Compliance API";
                document.Info.Description = "EOL risk, patch latency, findings and recorded maintenance of Kubernetes clusters. "
                    + "Send an API key in X-Api-Key (roles: auditor reads, operator also records maintenance, admin also sets policies). "
                    + "Every POST needs an Idempotency-Key; If-Match takes the stream revision from an ETag.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "An API key; the server keeps only its SHA-256.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (!string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)) return Task.CompletedTask;
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = CommandEndpoint.IdempotencyHeader,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "Any unique string per request: a retry with the same key and body gets the same answer and records nothing again",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "The stream revision (an ETag such as \"3\") the command expects; 412 when the stream moved on",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example)) schema.Example = JsonSerializer.SerializeToNode(example, Json);
                return Task.CompletedTask;
            });
        });

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>One realistic example per request body.</summary>
    internal static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(RegisterClusterRequest)] = new RegisterClusterRequest("payments-prod", "Payments (production)", "production", "team-payments", "eks", "payments-staging"),
        [typeof(SetPolicyRequest)] = new SetPolicyRequest("0 2 * * 2#1", 4, "Europe/Berlin", 72, 35, 30, 7, 30, 90, true, 31, 7, true),
        [typeof(EmergencyPatchRequest)] = new EmergencyPatchRequest("em-2026-11-18", ["CVE-2026-1234"], ["kubernetes"], Start.AddDays(-13), Start.AddDays(-13).AddHours(3)),
        [typeof(ScheduleWindowRequest)] = new ScheduleWindowRequest("2026-12", Start, Start.AddHours(4), "Roll back the node pool to the previous image",
            [new PlannedChangeRequest("controlPlane", "amazon-eks", "1.31.4", "minor")]),
        [typeof(AnnounceRequest)] = new AnnounceRequest("app-teams@example.com", ["minor"]),
        [typeof(StartRequest)] = new StartRequest(),
        [typeof(UpgradeRequest)] = new UpgradeRequest("controlPlane", "amazon-eks", "", "v1.30.8-eks-2d5f260", "v1.31.4-eks-2d5f260"),
        [typeof(DrainRequest)] = new DrainRequest("ip-10-0-1-17.eu-central-1.compute.internal", 184, ["pdbBlocked"]),
        [typeof(CompleteRequest)] = new CompleteRequest("succeeded", "All nodes on the new image"),
        [typeof(AbortRequest)] = new AbortRequest("Ingress errors above 1% after the first node pool", true),
        [typeof(RetrospectiveRequest)] = new RetrospectiveRequest(["The PDB of checkout blocked the drain for 20 minutes"], ["Raise checkout to 3 replicas"]),
    };
}
