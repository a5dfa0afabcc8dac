using Compliance.Application.Store;
using Microsoft.AspNetCore.Http;

namespace Compliance.Host.Api;

/// <summary>
/// Gives each HTTP request <see cref="Budget"/> to wait for the store, retries included: a store outage is answered
/// 503 within seconds, while background work (projections, bus consumers) keeps the store's longer retries.
/// </summary>
internal sealed class StoreRequestBudget(RequestDelegate next, TimeProvider time)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        using var budget = StoreBudget.Start(time, Budget);
        await next(context);
    }
}
