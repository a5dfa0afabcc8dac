using Compliance.Application.UseCases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using System.Reflection;
using Microsoft.AspNetCore.Builder;

namespace Compliance.Host.Api.Queries;

/// <summary>
/// Writes a cached fleet view: 304 when If-None-Match names its ETag, the gzipped bytes when the client accepts gzip,
/// the plain JSON otherwise. Declares the response schema for OpenAPI.
/// </summary>
internal sealed class FleetEolResult(FleetEolView view) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = view.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (httpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(view.ETag, StringComparison.Ordinal)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var gzip = httpContext.Request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));
        var body = gzip ? view.Gzip : view.Json;
        if (gzip) response.Headers.ContentEncoding = "gzip";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FleetEolResponse), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, null, []));
    }
}
