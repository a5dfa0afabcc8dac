using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using static Compliance.Domain.Tests.Verdicts.Catalogs;

namespace Compliance.Domain.Tests.Verdicts;

public sealed class EolRiskEvaluateTests
{
    private static readonly Compliance.Domain.Catalog.ReleaseCatalog Catalog = Of(
        Product("kubernetes",
        [
            Cycle("kubernetes", "1.28", eoas: Date(2024, 8, 28), eol: Date(2024, 10, 28)),
            Cycle("kubernetes", "1.29", eoas: Date(2024, 12, 28), eol: Date(2025, 2, 28)),
        ]),
        Product("ubuntu", [Cycle("ubuntu", "22.04", eoas: Date(2027, 4, 1), eol: Date(2027, 4, 1))]));

    [Fact]
    public void one_verdict_per_running_version_with_node_instances_counted_and_the_worst_first()
    {
        var t = Ledger.At(2024, 11, 1);
        var history = new Ledger()
            .Registered(t)
            .ControlPlane("v1.29.3", t)
            .Node("a", "v1.29.3", t)
            .Node("b", "v1.29.3", t)
            .Node("c", "v1.28.9", t)
            .History();

        var verdicts = EolRisk.Evaluate(history, Catalog, Date(2024, 12, 1));

        verdicts.Select(v => (v.Kind, v.Version, v.Level, v.Instances)).Take(3).ShouldBe(
        [
            (ComponentKind.Kubelet, "1.28.9", EolLevel.Eol, 1),
            (ComponentKind.KubeProxy, "1.28.9", EolLevel.Eol, 1),
            (ComponentKind.ControlPlane, "1.29.3", EolLevel.Medium, 1),
        ]);
        var kubelets = verdicts.Single(v => v.Kind == ComponentKind.Kubelet && v.Version == "1.29.3");
        kubelets.Instances.ShouldBe(2);
        kubelets.ComponentId.ShouldBe("node/*/kubelet");
        verdicts.Single(v => v.Kind == ComponentKind.OsImage).Instances.ShouldBe(3);
        verdicts.Single(v => v.Kind == ComponentKind.Kubelet && v.Version == "1.28.9").ComponentId.ShouldBe("node/c/kubelet");
        verdicts.Last().Level.ShouldBe(EolLevel.Low);
    }

    [Fact]
    public void components_are_taken_as_they_run_at_the_end_of_the_day()
    {
        var history = new Ledger()
            .ControlPlane("v1.28.9", Ledger.At(2024, 11, 1))
            .ControlPlane("v1.29.3", Ledger.At(2024, 12, 1, 23, 30))
            .History();

        EolRisk.Evaluate(history, Catalog, Date(2024, 11, 30)).Single().Version.ShouldBe("1.28.9");
        EolRisk.Evaluate(history, Catalog, Date(2024, 12, 1)).Single().Version.ShouldBe("1.29.3");
    }

    [Fact]
    public void an_unparsable_version_is_reported_as_unknown()
    {
        var history = new Ledger().ControlPlane("banana", Ledger.At(2024, 11, 1)).History();

        var verdict = EolRisk.Evaluate(history, Catalog, Date(2024, 12, 1)).Single();

        verdict.Level.ShouldBe(EolLevel.Unknown);
        verdict.RawVersion.ShouldBe("banana");
        verdict.Note.ShouldNotBeNull();
    }
}
