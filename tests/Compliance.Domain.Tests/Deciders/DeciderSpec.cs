using System.Text.Json;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Domain.Tests.Deciders;

/// <summary>Given(events) / When(command) / Then(events | unchanged | rejection) for a pure decider.</summary>
internal sealed class DeciderSpec<TCommand, TState>(
    Func<TCommand, TState, Decision> decide,
    Func<TState, DomainEvent, TState> evolve,
    TState initial)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly List<DomainEvent> history = [];
    private Decision? decision;

    public DeciderSpec<TCommand, TState> Given(params DomainEvent[] events)
    {
        history.AddRange(events);
        return this;
    }

    public DeciderSpec<TCommand, TState> When(TCommand command)
    {
        decision = decide(command, history.Aggregate(initial, evolve));
        return this;
    }

    /// <summary>The command is accepted with exactly these events (compared by content, lists included).</summary>
    public void Then(params DomainEvent[] expected)
    {
        var d = Decided();
        d.RejectionReason.ShouldBeNull();
        d.Events.Select(Describe).ShouldBe(expected.Select(Describe));
    }

    /// <summary>The command was already applied: accepted, nothing to append.</summary>
    public void ThenUnchanged()
    {
        var d = Decided();
        d.RejectionReason.ShouldBeNull();
        d.Events.ShouldBeEmpty();
    }

    /// <summary>The command is rejected with a reason containing every fragment (case-insensitive).</summary>
    public void ThenRejected(params string[] reasonContains)
    {
        var d = Decided();
        d.IsRejected.ShouldBeTrue($"expected a rejection, got {d.Events.Count} event(s)");
        d.Events.ShouldBeEmpty();
        foreach (var fragment in reasonContains) (d.RejectionReason ?? "").ShouldContain(fragment, Case.Insensitive);
    }

    private Decision Decided() => decision ?? throw new InvalidOperationException("call When before Then");

    private static string Describe(DomainEvent e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), Json)}";
}

internal static class Spec
{
    public static DeciderSpec<Commands.ClusterCommand, ClusterState> Cluster() =>
        new(ClusterDecider.Decide, ClusterDecider.Evolve, ClusterDecider.Initial);

    public static DeciderSpec<Commands.MaintenanceCommand, MaintenanceState> Maintenance() =>
        new(MaintenanceDecider.Decide, MaintenanceDecider.Evolve, MaintenanceDecider.Initial);

    public static DeciderSpec<Commands.ObservationCommand, ObservationState> Observations() =>
        new(ObservationDecider.Decide, ObservationDecider.Evolve, ObservationDecider.Initial);

    public static DeciderSpec<Commands.ExceptionCommand, ExceptionsState> Exceptions() =>
        new(ExceptionDecider.Decide, ExceptionDecider.Evolve, ExceptionDecider.Initial);

    public static DeciderSpec<Commands.RecordCatalogFact, CatalogState> Catalog() =>
        new(CatalogDecider.Decide, CatalogDecider.Evolve, CatalogDecider.Initial);
}
