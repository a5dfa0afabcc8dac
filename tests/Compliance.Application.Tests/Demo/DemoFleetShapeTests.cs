using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.Application.Catalog;
using Compliance.Application.Demo;
using Compliance.Domain.Catalog;
using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.Tests.Demo;

public sealed class DemoFleetShapeTests
{
    private static readonly DemoLedger Ledger = DemoLedger.Default;

    private static IEnumerable<ObservationEvent> Observations =>
        Ledger.Steps.Select(s => s.Command).OfType<RecordObservation>().Select(c => c.Observation);

    [Fact]
    public void the_same_seed_and_day_give_the_same_steps()
    {
        var again = DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, DemoLedger.Today, DemoLedger.Seed);

        Canonical(again).ShouldBe(Canonical(Ledger.Steps));
    }

    [Fact]
    public void another_seed_gives_other_steps()
    {
        var other = DemoFleet.Generate(CatalogSnapshot.Embedded.Catalog, DemoLedger.Today, DemoLedger.Seed + 1);

        Canonical(other).ShouldNotBe(Canonical(Ledger.Steps));
    }

    [Fact]
    public void steps_are_in_time_order_and_each_command_is_decided_at_its_step()
    {
        Ledger.Steps.Zip(Ledger.Steps.Skip(1)).ShouldAllBe(pair => pair.First.At <= pair.Second.At);
        Ledger.Steps.ShouldAllBe(s => s.Command.Now == s.At);
        Ledger.Steps.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s.Command.Actor) && s.Command.Actor.Contains(':'));
    }

    [Fact]
    public void every_command_is_accepted_by_its_decider_and_records_something()
    {
        Ledger.Rejections.Select(r => $"{r.Step.At:u} {r.Step.Command.GetType().Name}: {r.Reason}").ShouldBeEmpty();
        Ledger.Facts.Count.ShouldBe(Ledger.Steps.Count);
    }

    [Fact]
    public void history_spans_the_eighteen_months_up_to_today()
    {
        var today = Ledger.AsOf;
        var registrations = Ledger.Facts.Select(f => f.Event).OfType<ClusterRegistered>().ToList();

        registrations.ShouldAllBe(r => r.At < today.AddMonths(-18).AddDays(1) && r.At >= today.AddMonths(-18));
        Ledger.Steps[^1].At.ShouldBeLessThanOrEqualTo(today);
        Ledger.Steps.Select(s => s.Command).OfType<StartMaintenance>().Max(s => s.Now).ShouldBeGreaterThan(today.AddDays(-31));
    }

    [Fact]
    public void the_fleet_is_staging_and_production_pairs_of_three_flavours()
    {
        var clusters = Ledger.Facts.Select(f => f.Event).OfType<ClusterRegistered>().ToList();

        clusters.Count.ShouldBeGreaterThanOrEqualTo(6);
        var production = clusters.Where(c => c.Environment == Environment.Production).ToList();
        production.Count.ShouldBe(clusters.Count / 2);
        production.ShouldAllBe(p => clusters.Any(s => s.ClusterId == p.StagingClusterId && s.Environment == Environment.Staging && s.Flavour == p.Flavour));
        clusters.Select(c => c.Flavour).Distinct().Order().ShouldBe([Flavour.Upstream, Flavour.Eks, Flavour.Gke]);
    }

    [Fact]
    public void clusters_have_three_to_forty_nodes_on_ubuntu_bottlerocket_or_cos()
    {
        var nodes = Observations.OfType<NodeObserved>().ToList();

        nodes.GroupBy(n => n.ClusterId).ShouldAllBe(g => g.Select(n => n.Node).Distinct().Count() >= 3 && g.Select(n => n.Node).Distinct().Count() <= 40);
        nodes.ShouldContain(n => Regex.IsMatch(n.Info.OsImage, @"^Ubuntu \d\d\.04(\.\d+)? LTS$"));
        nodes.ShouldContain(n => Regex.IsMatch(n.Info.OsImage, @"^Bottlerocket OS 1\.\d+\.\d+ \(aws-k8s-1\.\d+\)$"));
        nodes.ShouldContain(n => n.Info.OsImage == "Container-Optimized OS from Google");
        nodes.ShouldAllBe(n => n.Info.ContainerRuntimeVersion.StartsWith("containerd://", StringComparison.Ordinal));
    }

    [Fact]
    public void control_planes_carry_real_versions_in_each_flavours_spelling()
    {
        var gitVersions = Observations.OfType<ControlPlaneVersionObserved>().Select(o => o.GitVersion).Distinct().ToList();

        gitVersions.ShouldContain(v => Regex.IsMatch(v, @"^v1\.\d+\.\d+$"));
        gitVersions.ShouldContain(v => Regex.IsMatch(v, @"^v1\.\d+\.\d+-eks-[0-9a-f]{7}$"));
        gitVersions.ShouldContain(v => Regex.IsMatch(v, @"^v1\.\d+\.\d+-gke\.\d+$"));
        gitVersions.Select(v => VersionParser.ParseKubernetes(v)).ShouldAllBe(v => v.IsKnown);
    }

    [Fact]
    public void no_version_is_observed_before_the_catalog_says_it_was_released()
    {
        var catalog = CatalogSnapshot.Embedded.Catalog;
        foreach (var seen in Observations.OfType<ControlPlaneVersionObserved>())
        {
            var version = VersionParser.ParseKubernetes(seen.GitVersion);
            var product = PatchSources.PatchProductFor(version.Product);
            var spelled = version.Product == "google-kubernetes-engine" ? seen.GitVersion[1..] : version.Normalized;
            var release = catalog.PatchesOf(product, version.Cycle, seen.ObservedAt).SingleOrDefault(p => p.Version == spelled);
            release.ShouldNotBeNull($"{seen.ClusterId} ran {seen.GitVersion} at {seen.ObservedAt:u} before its release");
        }
    }

    [Fact]
    public void the_four_add_ons_are_observed_by_their_images()
    {
        var images = Observations.OfType<AddOnVersionObserved>().Select(a => a.Image).ToList();

        images.ShouldContain(i => Regex.IsMatch(i, @"^quay\.io/jetstack/cert-manager-controller:v1\.\d+\.\d+$"));
        images.ShouldContain(i => Regex.IsMatch(i, @"^registry\.k8s\.io/ingress-nginx/controller:v1\.\d+\.\d+$"));
        images.ShouldContain(i => Regex.IsMatch(i, @"^quay\.io/cilium/cilium:v1\.\d+\.\d+$"));
        images.ShouldContain(i => Regex.IsMatch(i, @"^cr\.fluentbit\.io/fluent/fluent-bit:\d+\.\d+\.\d+$"));
    }

    [Fact]
    public void catalog_facts_are_real_patches_at_their_release_instants_and_one_labelled_demo_cve()
    {
        var catalog = CatalogSnapshot.Embedded.Catalog;
        var facts = Ledger.Steps.Select(s => s.Command).OfType<RecordCatalogFact>().ToList();
        var patches = facts.Select(f => f.Fact).OfType<PatchReleased>().ToList();

        patches.ShouldNotBeEmpty();
        patches.ShouldAllBe(p => p.At == p.ReleasedAt && catalog.Product(p.Product)!.Patches.Any(r => r.Version == p.Version && r.ReleasedAt == p.ReleasedAt));
        var cycles = facts.Select(f => f.Fact).OfType<ReleaseCycleRecorded>().Select(c => $"{c.Product} {c.Cycle}").ToHashSet();
        patches.Select(p => $"{p.Product} {p.Cycle}").Distinct().ShouldAllBe(cycle => cycles.Contains(cycle));
        var vulnerability = facts.Select(f => f.Fact).OfType<VulnerabilityPublished>().ShouldHaveSingleItem();
        vulnerability.Severity.ShouldBe(Severity.Critical);
        vulnerability.Summary.ShouldContain("DEMO");
        vulnerability.CveId.ShouldMatch(@"^CVE-\d{4}-\d{4,}$");
        catalog.Product("kubernetes")!.Patches.ShouldContain(p => p.Version == vulnerability.FixedIn.Single());
    }

    [Fact]
    public void every_scenario_is_described_with_its_cluster()
    {
        DemoFleet.Scenarios.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var cluster in new[] { "data-prod", "shop-staging", "payments-prod", "billing-prod", "shop-prod", "web-staging", "data-staging" })
        {
            DemoFleet.Scenarios.ShouldContain(s => s.Contains(cluster, StringComparison.Ordinal));
        }
    }

    private static List<string> Canonical(IEnumerable<DemoStep> steps) =>
        [.. steps.Select(s => $"{s.At:O} {s.Command.GetType().Name} {JsonSerializer.Serialize(s.Command, s.Command.GetType())}")];
}
