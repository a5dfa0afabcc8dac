namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>A fact that needs a real EventStoreDB: reported as SKIPPED, with the reason, when none is configured.</summary>
public sealed class EsdbFactAttribute : FactAttribute
{
    public EsdbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EsdbLeg.Variable))) Skip = EsdbLeg.NotRun;
    }
}

/// <summary>The EventStoreDB the leg runs against.</summary>
public static class EsdbLeg
{
    public const string Variable = "COMPLIANCE_ESDB_CONNECTION";
    public const string NotRun = "COMPLIANCE_ESDB_CONNECTION not set: the EventStoreDB leg did not run";

    public static EsdbSettings Settings => EsdbConnectionString.Parse(Environment.GetEnvironmentVariable(Variable));
}
