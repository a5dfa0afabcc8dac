using Compliance.Domain.Commands;
using Compliance.Domain.Deciders;
using Compliance.Domain.Events;

namespace Compliance.Application.Handling;

/// <summary>One decider seen through untyped state, so the handler can load, decide and cache any stream the same way.</summary>
internal sealed record DeciderFunctions(object Initial, Func<Command, object, Decision> Decide, Func<object, DomainEvent, object> Evolve)
{
    private static readonly DeciderFunctions Cluster = new(ClusterDecider.Initial,
        (c, s) => ClusterDecider.Decide((ClusterCommand)c, (ClusterState)s), (s, e) => ClusterDecider.Evolve((ClusterState)s, e));

    private static readonly DeciderFunctions Maintenance = new(MaintenanceDecider.Initial,
        (c, s) => MaintenanceDecider.Decide((MaintenanceCommand)c, (MaintenanceState)s), (s, e) => MaintenanceDecider.Evolve((MaintenanceState)s, e));

    private static readonly DeciderFunctions Exception = new(ExceptionDecider.Initial,
        (c, s) => ExceptionDecider.Decide((ExceptionCommand)c, (ExceptionsState)s), (s, e) => ExceptionDecider.Evolve((ExceptionsState)s, e));

    private static readonly DeciderFunctions Observation = new(ObservationDecider.Initial,
        (c, s) => ObservationDecider.Decide((ObservationCommand)c, (ObservationState)s), (s, e) => ObservationDecider.Evolve((ObservationState)s, e));

    private static readonly DeciderFunctions Catalog = new(CatalogDecider.Initial,
        (c, s) => CatalogDecider.Decide((RecordCatalogFact)c, (CatalogState)s), (s, e) => CatalogDecider.Evolve((CatalogState)s, e));

    private static readonly DeciderFunctions Report = new(ReportDecider.Initial,
        (c, s) => ReportDecider.Decide((RecordReportIssued)c, (ReportState)s), (s, e) => ReportDecider.Evolve((ReportState)s, e));

    private static readonly DeciderFunctions Checkpoint = new(CheckpointDecider.Initial,
        (c, s) => CheckpointDecider.Decide((RecordLedgerCheckpoint)c, (CheckpointState)s), (s, e) => CheckpointDecider.Evolve((CheckpointState)s, e));

    public static DeciderFunctions For(Command command) => command switch
    {
        ClusterCommand => Cluster,
        MaintenanceCommand => Maintenance,
        ExceptionCommand => Exception,
        ObservationCommand => Observation,
        RecordCatalogFact => Catalog,
        RecordReportIssued => Report,
        RecordLedgerCheckpoint => Checkpoint,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no decider handles this command"),
    };
}
