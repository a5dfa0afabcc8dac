namespace Compliance.Application.Catalog;

/// <summary>
/// What a snapshot build produced. <see cref="Unassigned"/> counts versions that match no cycle of their product (kept
/// in the snapshot's per-product <c>unassigned</c> list); <see cref="Problems"/> lists source files that could not be
/// read: with any problem the snapshot is not written.
/// </summary>
public sealed record CatalogBuildSummary(
    int Products,
    int Cycles,
    int Patches,
    int Unassigned,
    IReadOnlyDictionary<string, int> UnassignedByProduct,
    IReadOnlyList<string> Problems,
    bool Written)
{
    public bool Succeeded => Problems.Count == 0;
}
