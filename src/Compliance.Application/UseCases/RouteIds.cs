using Compliance.Application.UseCases.Validation;

namespace Compliance.Application.UseCases;

/// <summary>The ids a command's route carries (the cluster, and for window commands the window), checked like body fields.</summary>
internal sealed record RouteIds(string? ClusterId, string? WindowId = null, bool HasWindow = false)
{
    public static RouteIds None { get; } = new((string?)null);

    public static RouteIds Cluster(string clusterId) => new(clusterId);

    public static RouteIds Window(string clusterId, string windowId) => new(clusterId, windowId, true);

    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (ClusterId is not null && !Inputs.IsSlug(ClusterId))
            errors["clusterId"] = ["cluster id must be a DNS label: 1-63 lowercase letters, digits or '-', starting and ending with a letter or digit"];
        if (HasWindow && !Inputs.IsId(WindowId)) errors["windowId"] = ["window id must be 1-100 letters, digits, '.', '_' or '-'"];
        return errors;
    }
}
