using System.Text.Json;
using System.Text.Json.Serialization;

namespace Compliance.Application.Catalog;

/// <summary>
/// The shipped catalog snapshot (format 1): compact JSON, no indentation, products sorted by slug. Each product keeps
/// its identifiers as <c>[kind, value]</c> pairs in source order (left out when it has none), its provenance with the retrieval date parsed from the source strings, its cycles (dates as yyyy-MM-dd; a source
/// <c>true</c> without a date becomes an <c>*Reached</c> flag, <c>false</c> is left out) with their patches as
/// <c>[version, date]</c> pairs sorted by version, and the versions no cycle claims in <c>unassigned</c>.
/// </summary>
internal sealed record SnapshotFile(int Format, IReadOnlyList<SnapshotProduct> Products)
{
    public const int CurrentFormat = 1;
}

internal sealed record SnapshotProduct(
    string Product,
    string Title,
    IReadOnlyList<string[]>? Identifiers,
    SnapshotSource Source,
    IReadOnlyList<SnapshotCycle> Cycles,
    IReadOnlyList<string[]>? Unassigned);

internal sealed record SnapshotSource(string Cycles, string Versions, string License, DateOnly RetrievedOn);

internal sealed record SnapshotCycle(
    string Cycle,
    DateOnly? ReleaseDate,
    DateOnly? Eoas,
    DateOnly? Eol,
    DateOnly? Eoes,
    bool? EoasReached,
    bool? EolReached,
    bool? EoesReached,
    IReadOnlyList<string[]> Patches);

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnapshotFile))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
