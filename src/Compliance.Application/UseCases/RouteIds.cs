using Compliance.Application.UseCases.Validation;

namespace Compliance.Application.UseCases;

/// <summary>
/// The ids a command's route carries, checked like body fields: the cluster; for window commands the window; for
/// exception decisions the exception; for catalog commands the product (then no cluster).
/// </summary>
internal sealed record RouteIds(string? ClusterId, string? WindowId = null, bool HasWindow = false, string? ExceptionId = null, string? Product = null)
{
    public static RouteIds None { get; } = new((string?)null);

    public static RouteIds Cluster(string clusterId) => new(clusterId);

    public static RouteIds Window(string clusterId, string windowId) => new(clusterId, windowId, true);

    public static RouteIds Exception(string clusterId, string exceptionId) => new(clusterId, ExceptionId: exceptionId);

    public static RouteIds CatalogProduct(string product) => new(null, Product: product);

    /// <summary>The ids as they enter the request's hash (a retry must name the same route); cluster and window as they always did.</summary>
    public string Key => $"{ClusterId}\n{WindowId}" + (ExceptionId is null ? "" : $"\nexception:{ExceptionId}") + (Product is null ? "" : $"\nproduct:{Product}");

    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (ClusterId is not null && !Inputs.IsSlug(ClusterId))
            errors["clusterId"] = ["cluster id must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"];
        if (HasWindow && !Inputs.IsId(WindowId)) errors["windowId"] = ["window id must be 1-100 letters, digits, '.', '_' or '-'"];
        if (ExceptionId is not null && !Inputs.IsSlug(ExceptionId))
            errors["exceptionId"] = ["exception id must be 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"];
        if (Product is not null && !Inputs.IsSlug(Product))
            errors["product"] = ["product must be a catalog slug: 1-63 lowercase letters, digits or '-' (e.g. ingress-nginx)"];
        return errors;
    }
}
