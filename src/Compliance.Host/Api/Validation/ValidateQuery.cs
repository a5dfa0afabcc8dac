using Compliance.Host.Api.Commands;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Host.Api.Validation;

/// <summary>Endpoint filter: validates the endpoint's <typeparamref name="T"/> argument (its query) and the route's cluster id before the handler runs.</summary>
internal sealed class ValidateQuery<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        if (context.HttpContext.Request.RouteValues.TryGetValue("clusterId", out var id) && !Inputs.IsSlug(id as string))
            errors["clusterId"] = ["cluster id must be a DNS label: 1-63 lowercase letters, digits or '-'"];
        if (context.Arguments.OfType<T>().FirstOrDefault() is { } query)
        {
            var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
            var result = await validator.ValidateAsync(query, context.HttpContext.RequestAborted);
            foreach (var group in result.Errors.GroupBy(e => CommandPipeline.FieldName(e.PropertyName)))
                errors[group.Key] = [.. group.Select(e => e.ErrorMessage)];
        }

        return errors.Count > 0 ? Problems.Invalid(errors) : await next(context);
    }
}
