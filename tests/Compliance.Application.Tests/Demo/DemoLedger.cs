using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Domain.Catalog;
using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;

namespace Compliance.Application.Tests.Demo;

/// <summary>
/// The demo's steps decided and folded in order with the real deciders, one state per stream, the accepted events kept
/// as recorded facts (positions in order of acceptance): the ledger the command pipeline would write.
/// </summary>
internal sealed class DemoLedger
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public const int Seed = 42;

    private static readonly Lazy<DemoLedger> Shared = new(() => Fold(DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, Today, Seed)));

    public static DemoLedger Default => Shared.Value;

    public required IReadOnlyList<DemoStep> Steps { get; init; }

    public required IReadOnlyList<(DemoStep Step, string Reason)> Rejections { get; init; }

    public required IReadOnlyList<RecordedFact> Facts { get; init; }

    public DateTimeOffset AsOf => new(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The shipped catalog with the demo's catalog facts (its vulnerability, ingress-nginx's cycles) folded on top.</summary>
    public ReleaseCatalog Catalog => CatalogSnapshot.Embedded.Catalog.With(Facts.Select(f => f.Event).OfType<CatalogEvent>());

    public IReadOnlyList<string> ClusterIds =>
        [.. Facts.Select(f => f.Event).OfType<ClusterRegistered>().Select(r => r.ClusterId)];

    public ClusterHistory History(string clusterId)
    {
        var history = new ClusterHistory(clusterId, CatalogSnapshot.Embedded.Catalog);
        string[] streams = [Streams.Cluster(clusterId), Streams.Maintenance(clusterId), Streams.Observations(clusterId), Streams.Exceptions(clusterId)];
        foreach (var fact in Facts.Where(f => streams.Contains(f.Stream))) history.Apply(fact);
        return history;
    }

    public static DemoLedger Fold(IReadOnlyList<DemoStep> steps)
    {
        var states = new Dictionary<string, object>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, long>(StringComparer.Ordinal);
        var facts = new List<RecordedFact>();
        var rejections = new List<(DemoStep, string)>();
        foreach (var step in steps)
        {
            var stream = Streams.For(step.Command);
            var (decision, evolve) = Decide(step.Command, states.GetValueOrDefault(stream));
            if (decision.IsRejected)
            {
                rejections.Add((step, decision.RejectionReason!));
                continue;
            }
            foreach (var e in decision.Events)
            {
                states[stream] = evolve(states.GetValueOrDefault(stream), e);
                var revision = revisions.GetValueOrDefault(stream, -1) + 1;
                revisions[stream] = revision;
                facts.Add(new RecordedFact(e, stream, revision, facts.Count + 1, step.At));
            }
        }
        return new DemoLedger { Steps = steps, Rejections = rejections, Facts = facts };
    }

    private static (Decision Decision, Func<object?, DomainEvent, object> Evolve) Decide(Command command, object? state) => command switch
    {
        ClusterCommand c => (ClusterDecider.Decide(c, state as ClusterState ?? ClusterDecider.Initial),
            (s, e) => ClusterDecider.Evolve(s as ClusterState ?? ClusterDecider.Initial, e)),
        MaintenanceCommand c => (MaintenanceDecider.Decide(c, state as MaintenanceState ?? MaintenanceDecider.Initial),
            (s, e) => MaintenanceDecider.Evolve(s as MaintenanceState ?? MaintenanceDecider.Initial, e)),
        RecordObservation c => (ObservationDecider.Decide(c, state as ObservationState ?? ObservationDecider.Initial),
            (s, e) => ObservationDecider.Evolve(s as ObservationState ?? ObservationDecider.Initial, e)),
        ExceptionCommand c => (ExceptionDecider.Decide(c, state as ExceptionsState ?? ExceptionDecider.Initial),
            (s, e) => ExceptionDecider.Evolve(s as ExceptionsState ?? ExceptionDecider.Initial, e)),
        RecordCatalogFact c => (CatalogDecider.Decide(c, state as CatalogState ?? CatalogDecider.Initial),
            (s, e) => CatalogDecider.Evolve(s as CatalogState ?? CatalogDecider.Initial, e)),
        _ => throw new InvalidOperationException($"no decider for {command.GetType().Name}"),
    };
}
