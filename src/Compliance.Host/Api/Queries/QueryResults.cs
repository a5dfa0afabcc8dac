using Compliance.Application.UseCases;
using Microsoft.AspNetCore.Http;

namespace Compliance.Host.Api.Queries;

/// <summary>A query's answer as HTTP: 200 with the value, 400 naming each field, 404 for what does not exist.</summary>
internal static class QueryResults
{
    public static IResult Of<T>(Answer<T> answer) where T : class => answer.Problem is { } problem ? Problem(problem) : TypedResults.Ok(answer.Value);

    public static IResult Problem(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Kind == ProblemKind.Invalid) return Problems.Invalid(new Dictionary<string, string[]>(problem.Errors));
        var (status, title) = ProblemStatus.Of(problem.Kind);
        return Problems.Status(status, title, problem.Detail);
    }
}
