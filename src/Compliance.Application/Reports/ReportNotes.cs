namespace Compliance.Application.Reports;

/// <summary>The fixed words every report carries: its glossary and what it does not measure.</summary>
public static class ReportNotes
{
    /// <summary>Limits of the evidence, stated on the policy and scope page so that no figure is read as covering more than it does.</summary>
    public static IReadOnlyList<string> NotMeasured { get; } =
    [
        "Components whose version or cycle the release catalog cannot place (EOL level unknown) are left out of E and of patch latency; their count and share are stated beside E.",
        "Kernels with a distribution suffix (-generic, -aws, .el9, ...) are not patch-tracked: their patches come with the distribution's OS packages.",
        "Vulnerabilities count as critical only where a catalog fact links the CVE to the patch that fixes it; the CVE feed carries no fixed versions.",
        "Application workloads: only the images of system add-ons in the watched namespaces are observed.",
        "Approval of a change beyond its maintenance window or emergency record (tickets, change boards) is not recorded.",
        "The contents of contingency plans and retrospectives are not judged, only that they were recorded and when.",
        "The staging-first check covers control-plane versions of production clusters with a linked staging cluster only.",
        "The drain estimate assumes every pod waits for the cluster's longest grace period; pod requests are not observed, so spare capacity is an upper bound.",
        "Risk acceptances are stated as the ledger records them (request, approval by a different admin, expiry); the reasons given are not judged.",
        "The upgrade plan's status (on track, at risk, infeasible) is not computed yet; the forward view compares the next windows with the deadlines only.",
        "Clusters nobody registered are not in scope; the CLI and the API show their observations with an unregistered-cluster finding.",
    ];

    /// <summary>The terms a reader needs, in the order a reader meets them.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Glossary { get; } =
    [
        ("as-of", "the instant whose knowledge the report states: events recorded after it are not read, even when they describe earlier days"),
        ("ledger head", "the last event recorded at or before as-of: its position and SHA-256 fix the whole history the report was computed from"),
        ("evidence", "stream@revision (#position): the event's stream, its index in that stream and its position in the whole ledger, followed by the actor that recorded it"),
        ("actor", "who recorded the event, as the ledger stored it: ops:NAME for an operator, watcher:k8s for the cluster watcher, catalog:SOURCE for release facts"),
        ("EOL level", "eol: end of life passed (or extended support ended); high: within 30 days, or running on extended support; medium: within 90 days, or active support ended; low: otherwise; unknown: version or cycle not known"),
        ("end of standard support", "the cycle's end-of-life date in the catalog"),
        ("extended support", "support after the end of standard support (EKS extended support, AKS LTS, Ubuntu ESM); it counts only where the cluster's policy says it is in place"),
        ("patch", "a release of the same cycle (security and bug fixes); for a managed flavour, an upstream patch level"),
        ("patch SLA", "how soon a patch must run everywhere: critical security patches within 72 hours, other patches within 35 days, unless the cluster's policy says otherwise"),
        ("latency", "from the patch's release to the first instant every instance of the component ran it or newer (for kubelets, the last node)"),
        ("breached", "applied after its SLA, or still not applied past it"),
        ("window held", "a maintenance window completed as planned; partial: completed with part of the plan undone; aborted: stopped before it completed; missed: not started by its end"),
        ("finding", "a departure from the policy, with its evidence; open until resolved by a later fact"),
        ("owner", "the team the cluster was registered with; it answers for the cluster's findings"),
        ("due date", "when a finding must be resolved: an EOL component on its end-of-life date (end of extended support where that counts), a patch on release + SLA"),
        ("overdue", "open past its due date"),
        ("staging first", "production takes a control-plane version only after its linked staging cluster ran it for the soak period"),
        ("unrecorded change", "a version change observed with no maintenance window open and no emergency patch recorded"),
        ("drain readiness", "whether nodes can be drained in a window without stopping a workload: replicas, spread, grace periods, disruption budgets, spare capacity"),
        ("population export", "every row of a report's changes, windows, patches and findings with its evidence, for sampling (compliance evidence export)"),
        ("hash chain", "each event's SHA-256 covers the previous event's hash and its own content: altering any recorded event breaks every hash after it"),
    ];
}
