namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>A fact that needs a real EventStoreDB: reported as SKIPPED, with the reason, when none is configured.</summary>
public sealed class EsdbFactAttribute : FactAttribute
{
    public const string Variable = "COMPLIANCE_ESDB_CONNECTION";
    public const string NotRun = "COMPLIANCE_ESDB_CONNECTION not set: the EventStoreDB leg did not run";

    public EsdbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))) Skip = NotRun;
    }
}
