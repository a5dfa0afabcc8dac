using System.Collections.Concurrent;
using Compliance.Application.Handling;
using Compliance.Application.Ports;
using Compliance.Domain.Commands;
using C = Compliance.Contracts.Observations;
using D = Compliance.Domain.Events;

namespace Compliance.Adapters.Kubernetes.Tests;

/// <summary>
/// The ingest path without the bus: maps each observation contract to its domain event and records it through the
/// real command handler under the message id, as the bus consumer does. Keeps every publication for assertions.
/// </summary>
internal sealed class LedgerPublisher(CommandHandler handler, TimeProvider time) : IObservationPublisher
{
    public ConcurrentQueue<(object Message, Guid Id)> Published { get; } = new();

    public async Task PublishAsync<T>(T message, Guid messageId, CancellationToken ct) where T : class
    {
        var outcome = await handler.HandleAsync(new RecordObservation(ToDomain(message), "watcher:k8s", time.GetUtcNow()), messageId, ct);
        if (outcome.Rejection is { } why) throw new InvalidOperationException($"{typeof(T).Name} rejected: {why}");
        Published.Enqueue((message, messageId));
    }

    public IReadOnlyList<T> Of<T>() => [.. Published.Select(p => p.Message).OfType<T>()];

    private static D.ObservationEvent ToDomain(object message) => message switch
    {
        C.ControlPlaneVersionObserved m => new D.ControlPlaneVersionObserved(m.ClusterId, m.GitVersion, m.Platform, m.ObservedAt),
        C.NodeObserved m => new D.NodeObserved(m.ClusterId, m.Node,
            new D.NodeInfo(m.NodeInfo.KubeletVersion, m.NodeInfo.KubeProxyVersion, m.NodeInfo.OsImage, m.NodeInfo.KernelVersion,
                m.NodeInfo.ContainerRuntimeVersion, m.NodeInfo.Architecture, m.NodeInfo.OperatingSystem, m.NodeInfo.MachineId,
                m.NodeInfo.SystemUuid, m.NodeInfo.BootId),
            m.Labels, m.Allocatable, m.Unschedulable, m.Annotations, m.ObservedAt),
        C.NodeRemoved m => new D.NodeRemoved(m.ClusterId, m.Node, m.ObservedAt),
        C.AddOnVersionObserved m => new D.AddOnVersionObserved(m.ClusterId, m.Namespace, m.Workload, m.Container, m.Image, m.Product, m.ObservedAt),
        C.AddOnRemoved m => new D.AddOnRemoved(m.ClusterId, m.Namespace, m.Workload, m.Container, m.ObservedAt),
        C.DrainRiskFound m => new D.DrainRiskFound(m.ClusterId, m.RiskId, Enum.Parse<D.DrainRiskKind>(m.Kind), m.Subject, m.Detail,
            m.GracePeriodSeconds, m.ObservedAt),
        C.DrainRiskResolved m => new D.DrainRiskResolved(m.ClusterId, m.RiskId, m.ObservedAt),
        _ => throw new ArgumentException($"not an observation the watcher publishes: {message.GetType().Name}", nameof(message)),
    };
}
