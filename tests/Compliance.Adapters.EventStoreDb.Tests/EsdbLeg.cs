namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>The EventStoreDB the leg runs against.</summary>
public static class EsdbLeg
{
    public const string Variable = "COMPLIANCE_ESDB_CONNECTION";
    public const string NotRun = "COMPLIANCE_ESDB_CONNECTION not set: the EventStoreDB leg did not run";

    public static EsdbSettings Settings => EsdbConnectionString.Parse(Environment.GetEnvironmentVariable(Variable));
}
