namespace Compliance.Contracts.Observations;

/// <summary>
/// Everything a watcher found in a cluster once every list it takes had completed: the nodes, the add-on containers in
/// the namespaces it looked at (<paramref name="AddOnNamespaces"/>), and the open drain risks. Sent once per watcher
/// start. What the ledger holds as present and the listing lacks is recorded as removed or resolved (what disappeared
/// while no watcher ran); add-ons in other namespaces are left alone. <paramref name="ResourceVersion"/> is the
/// cluster's resourceVersion the listing reflects. Every list must be present: an empty list says there are none.
/// </summary>
public sealed record ClusterInventoryListed(
    string ClusterId,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<string> AddOnNamespaces,
    IReadOnlyList<AddOnContainer> AddOns,
    IReadOnlyList<string> OpenDrainRisks,
    string ResourceVersion,
    DateTimeOffset ObservedAt,
    string Source);
