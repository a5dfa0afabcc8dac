namespace Compliance.Adapters.EventStoreDb.Tests;

/// <summary>A fact that needs a real EventStoreDB: reported as SKIPPED, with the reason, when none is configured.</summary>
public sealed class EsdbFactAttribute : FactAttribute
{
    public EsdbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EsdbLeg.Variable))) Skip = EsdbLeg.NotRun;
    }
}
