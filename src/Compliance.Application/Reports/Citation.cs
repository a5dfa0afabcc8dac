using Compliance.Domain.Verdicts;

namespace Compliance.Application.Reports;

/// <summary>
/// One ledger event a report row stands on: what it proves for the row (<see cref="Role"/>: "observed", "applied",
/// "scheduled", ...), where it is (<c>stream@revision (#position)</c>) and who recorded it, as the ledger stored it
/// (<c>ops:bob</c>, <c>watcher:k8s</c>). A release fact that only the shipped catalog snapshot holds has no ledger
/// event: <see cref="Ref"/> is null and <see cref="Source"/> names the snapshot's source instead.
/// </summary>
public sealed record Citation(string Role, EvidenceRef? Ref, string Actor, string? Source = null)
{
    /// <summary>The reference alone: <c>stream@revision (#position)</c>, or the catalog source.</summary>
    public string Reference => Ref?.ToString() ?? Source ?? "";

    public override string ToString() => Role.Length == 0 ? $"{Reference} by {Actor}" : $"{Role} {Reference} by {Actor}";

    /// <summary>The citations of a row in one line, e.g. <c>scheduled maintenance-x@3 (#45) by ops:bob; completed ...</c>.</summary>
    public static string Join(IEnumerable<Citation> citations) => string.Join("; ", citations.Select(c => c.ToString()));
}

/// <summary>
/// Who recorded each event of a fold, by global position (the actor is ledger metadata, not part of the domain
/// event). One copy of each actor name is kept, however many events it recorded.
/// </summary>
internal sealed class ActorIndex
{
    public const string Unknown = "unknown actor";

    private readonly Dictionary<long, string> byPosition = [];
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public void Add(long position, string actor)
    {
        if (!names.TryGetValue(actor, out var name))
        {
            name = actor;
            names.Add(actor, name);
        }

        byPosition[position] = name;
    }

    public string Of(EvidenceRef evidence) => byPosition.GetValueOrDefault(evidence.Position, Unknown);

    public Citation Cite(string role, EvidenceRef evidence) => new(role, evidence, Of(evidence));

    public IReadOnlyList<Citation> Cite(string role, IEnumerable<EvidenceRef> evidence) => [.. evidence.Select(e => Cite(role, e))];
}
