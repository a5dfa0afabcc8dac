using Compliance.Host.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Api;

/// <summary>
/// Refuses a request whose declared body is larger than Compliance:Api:MaxRequestBodyBytes with 413 before anything
/// reads it, and caps undeclared (chunked) bodies at the same size where the server supports it; the command pipeline
/// also stops reading at the limit.
/// </summary>
internal sealed class BodySizeLimit(RequestDelegate next, IOptionsMonitor<ApiSettings> settings)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = settings.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The request body has {context.Request.ContentLength} bytes; the API accepts at most {limit}.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        return next(context);
    }
}
