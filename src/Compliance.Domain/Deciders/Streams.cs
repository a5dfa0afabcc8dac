using Compliance.Domain.Commands;

namespace Compliance.Domain.Deciders;

/// <summary>The names of the event streams, one per aggregate, and which stream a command is decided on.</summary>
public static class Streams
{
    public static string Cluster(string clusterId) => $"cluster-{clusterId}";

    public static string Maintenance(string clusterId) => $"maintenance-{clusterId}";

    public static string Observations(string clusterId) => $"observations-{clusterId}";

    public static string Catalog(string product) => $"catalog-{product}";

    /// <summary>The risk acceptances of one cluster.</summary>
    public static string Exceptions(string clusterId) => $"exceptions-{clusterId}";

    /// <summary>The one stream of issued reports.</summary>
    public const string Reports = "reports";

    /// <summary>The one stream of signed ledger checkpoints.</summary>
    public const string Checkpoints = "ledger-checkpoints";

    /// <summary>The stream whose history <paramref name="command"/> is decided against and appended to.</summary>
    public static string For(Command command) => command switch
    {
        ClusterCommand c => Cluster(c.ClusterId),
        MaintenanceCommand c => Maintenance(c.ClusterId),
        ObservationCommand c => Observations(c.ClusterId),
        ExceptionCommand c => Exceptions(c.ClusterId),
        RecordCatalogFact c => Catalog(c.Fact.Product),
        RecordReportIssued => Reports,
        RecordLedgerCheckpoint => Checkpoints,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "no stream for this command"),
    };
}
