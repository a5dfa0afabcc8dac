namespace Compliance.Api.Tests;

/// <summary>One bad request: what is sent, with which role's key, and the status and field the answer must name.</summary>
public sealed record BadInput(string Name, string Method, string Path, string? Body, string Role, int Status, string Field, IReadOnlyDictionary<string, string>? Headers = null)
{
    private const string Register = "/api/v1/clusters";
    private const string Policy = "/api/v1/clusters/web-prod/policy";
    private const string Windows = "/api/v1/clusters/web-prod/windows";
    private const string Window = "/api/v1/clusters/web-prod/windows/bad-input";
    private const string Emergency = "/api/v1/clusters/web-prod/emergency-patches";

    private const string GoodCluster = """ "clusterId":"bad-input-ok","displayName":"B","environment":"staging","ownerTeam":"t","flavour":"eks" """;
    private const string GoodPolicy = """ "windowCron":"0 2 * * 2","windowHours":4,"timeZone":"Etc/UTC","criticalSlaHours":72,"otherSlaDays":35,"noticeDays":30,"stagingSoakDays":7,"eolHighDays":30,"eolMediumDays":90 """;
    private const string GoodWindow = """ "windowId":"bad-input","startsAt":"2026-06-20T02:00:00Z","endsAt":"2026-06-20T04:00:00Z" """;
    private const string GoodChange = """ "kind":"controlPlane","product":"kubernetes","toVersion":"1.33.2","changeKind":"patch" """;
    private const string GoodEmergency = """ "emergencyId":"em-bad","cveIds":["CVE-2026-1234"],"products":["kubernetes"],"startedAt":"2026-06-14T02:00:00Z","endedAt":"2026-06-14T03:00:00Z" """;

    private static string Json(string fields, string? more = null) => "{" + fields + (more is null ? "" : "," + more) + "}";

    public static IReadOnlyList<BadInput> All { get; } =
    [
        new("register without a body", "POST", Register, "", "operator", 400, "body"),
        new("register with broken JSON", "POST", Register, """{"clusterId":""", "operator", 400, "body"),
        new("register with a JSON array", "POST", Register, "[1,2]", "operator", 400, "body"),
        new("register with an upper-case id", "POST", Register, Json(GoodCluster.Replace("bad-input-ok", "Bad_Id", StringComparison.Ordinal)), "operator", 400, "clusterId"),
        new("register with a 64-character id", "POST", Register, Json(GoodCluster.Replace("bad-input-ok", new string('a', 64), StringComparison.Ordinal)), "operator", 400, "clusterId"),
        new("register with an unknown environment", "POST", Register, Json(GoodCluster.Replace("staging", "prod", StringComparison.Ordinal)), "operator", 400, "environment"),
        new("register with a numeric environment", "POST", Register, Json(GoodCluster.Replace("\"staging\"", "1", StringComparison.Ordinal)), "operator", 400, "environment"),
        new("register with an unknown flavour", "POST", Register, Json(GoodCluster.Replace("eks", "openshift4", StringComparison.Ordinal)), "operator", 400, "flavour"),
        new("register with a blank display name", "POST", Register, Json(GoodCluster.Replace("\"B\"", "\"  \"", StringComparison.Ordinal)), "operator", 400, "displayName"),
        new("register without an owner team", "POST", Register, Json("\"clusterId\":\"x1\",\"displayName\":\"X\",\"environment\":\"staging\",\"flavour\":\"eks\""), "operator", 400, "ownerTeam"),
        new("register a staging cluster that names a staging cluster", "POST", Register, Json(GoodCluster, "\"stagingClusterId\":\"web-staging\""), "operator", 400, "environment"),
        new("register a cluster as its own staging cluster", "POST", Register,
            Json(GoodCluster.Replace("staging", "production", StringComparison.Ordinal), "\"stagingClusterId\":\"bad-input-ok\""), "operator", 400, "stagingClusterId"),
        new("register with an unknown field", "POST", Register, Json(GoodCluster, "\"owner\":\"x\""), "operator", 400, "owner"),
        new("policy with a bad cron", "POST", Policy, Json(GoodPolicy.Replace("0 2 * * 2", "61 2 * * 2", StringComparison.Ordinal)), "admin", 400, "windowCron"),
        new("policy restricting both day fields", "POST", Policy, Json(GoodPolicy.Replace("0 2 * * 2", "0 2 1 * 2", StringComparison.Ordinal)), "admin", 400, "windowCron"),
        new("policy with a zero-hour window", "POST", Policy, Json(GoodPolicy.Replace("\"windowHours\":4", "\"windowHours\":0", StringComparison.Ordinal)), "admin", 400, "windowHours"),
        new("policy with a 25-hour window", "POST", Policy, Json(GoodPolicy.Replace("\"windowHours\":4", "\"windowHours\":25", StringComparison.Ordinal)), "admin", 400, "windowHours"),
        new("policy with an unknown time zone", "POST", Policy, Json(GoodPolicy.Replace("Etc/UTC", "Mars/Olympus", StringComparison.Ordinal)), "admin", 400, "timeZone"),
        new("policy with a negative critical SLA", "POST", Policy, Json(GoodPolicy.Replace("\"criticalSlaHours\":72", "\"criticalSlaHours\":-1", StringComparison.Ordinal)), "admin", 400, "criticalSlaHours"),
        new("policy with medium below high", "POST", Policy, Json(GoodPolicy.Replace("\"eolMediumDays\":90", "\"eolMediumDays\":20", StringComparison.Ordinal)), "admin", 400, "eolMediumDays"),
        new("policy with negative notice days", "POST", Policy, Json(GoodPolicy.Replace("\"noticeDays\":30", "\"noticeDays\":-1", StringComparison.Ordinal)), "admin", 400, "noticeDays"),
        new("policy with a zero cadence", "POST", Policy, Json(GoodPolicy, "\"windowCadenceDays\":0"), "admin", 400, "windowCadenceDays"),
        new("policy with a fractional notice", "POST", Policy, Json(GoodPolicy.Replace("\"noticeDays\":30", "\"noticeDays\":1.5", StringComparison.Ordinal)), "admin", 400, "noticeDays"),
        new("window without an id", "POST", Windows, Json("\"startsAt\":\"2026-06-20T02:00:00Z\",\"endsAt\":\"2026-06-20T04:00:00Z\""), "operator", 400, "windowId"),
        new("window id with a space", "POST", Windows, Json(GoodWindow.Replace("bad-input", "bad input", StringComparison.Ordinal)), "operator", 400, "windowId"),
        new("window ending before it starts", "POST", Windows, Json(GoodWindow.Replace("T04:00", "T01:00", StringComparison.Ordinal)), "operator", 400, "endsAt"),
        new("window longer than a day", "POST", Windows, Json(GoodWindow.Replace("2026-06-20T04:00", "2026-06-21T04:00", StringComparison.Ordinal)), "operator", 400, "endsAt"),
        new("window starting on a month 13", "POST", Windows, Json(GoodWindow.Replace("2026-06-20T02:00", "2026-13-20T02:00", StringComparison.Ordinal)), "operator", 400, "startsAt"),
        new("window change of an unknown kind", "POST", Windows, Json(GoodWindow, "\"plannedChanges\":[{" + GoodChange.Replace("controlPlane", "etcd", StringComparison.Ordinal) + "}]"), "operator", 400, "plannedChanges[0].kind"),
        new("window change planned as a downgrade", "POST", Windows, Json(GoodWindow, "\"plannedChanges\":[{" + GoodChange.Replace("\"patch\"", "\"downgrade\"", StringComparison.Ordinal) + "}]"), "operator", 400, "plannedChanges[0].changeKind"),
        new("window change without a product", "POST", Windows, Json(GoodWindow, "\"plannedChanges\":[{" + GoodChange.Replace("\"kubernetes\"", "\"\"", StringComparison.Ordinal) + "}]"), "operator", 400, "plannedChanges[0].product"),
        new("window change that is null", "POST", Windows, Json(GoodWindow, "\"plannedChanges\":[null]"), "operator", 400, "plannedChanges[0]"),
        new("window for an upper-case cluster id", "POST", "/api/v1/clusters/Web_Prod/windows", Json(GoodWindow), "operator", 400, "clusterId"),
        new("announce without an audience", "POST", Window + "/announce", """{"changeKinds":["patch"]}""", "operator", 400, "audience"),
        new("announce without change kinds", "POST", Window + "/announce", """{"audience":"teams","changeKinds":[]}""", "operator", 400, "changeKinds"),
        new("announce an unknown change kind", "POST", Window + "/announce", """{"audience":"teams","changeKinds":["huge"]}""", "operator", 400, "changeKinds[0]"),
        new("start a window whose id has a space", "POST", "/api/v1/clusters/web-prod/windows/w%20x/start", "{}", "operator", 400, "windowId"),
        new("start with a field it does not take", "POST", Window + "/start", """{"force":true}""", "operator", 400, "force"),
        new("upgrade without a kind", "POST", Window + "/upgrades", """{"product":"kubernetes","fromVersion":"1.33.1","toVersion":"1.33.2"}""", "operator", 400, "kind"),
        new("upgrade to the same version", "POST", Window + "/upgrades", """{"kind":"kubelet","product":"kubernetes","fromVersion":"1.33.1","toVersion":"1.33.1"}""", "operator", 400, "toVersion"),
        new("drain with a negative duration", "POST", Window + "/drains", """{"node":"n1","durationSeconds":-5}""", "operator", 400, "durationSeconds"),
        new("drain with an unknown problem", "POST", Window + "/drains", """{"node":"n1","durationSeconds":5,"problems":["oops"]}""", "operator", 400, "problems[0]"),
        new("drain without a node", "POST", Window + "/drains", """{"durationSeconds":5}""", "operator", 400, "node"),
        new("complete with an unknown outcome", "POST", Window + "/complete", """{"outcome":"done"}""", "operator", 400, "outcome"),
        new("abort without a reason", "POST", Window + "/abort", """{"contingencyUsed":false}""", "operator", 400, "reason"),
        new("abort without saying whether the contingency was used", "POST", Window + "/abort", """{"reason":"freeze"}""", "operator", 400, "contingencyUsed"),
        new("retrospective without findings", "POST", Window + "/retrospective", """{"findings":[]}""", "operator", 400, "findings"),
        new("emergency with a malformed CVE id", "POST", Emergency, Json(GoodEmergency.Replace("CVE-2026-1234", "CVE-26-1", StringComparison.Ordinal)), "operator", 400, "cveIds[0]"),
        new("emergency ending before it starts", "POST", Emergency, Json(GoodEmergency.Replace("T03:00", "T01:00", StringComparison.Ordinal)), "operator", 400, "endedAt"),
        new("emergency without products", "POST", Emergency, Json(GoodEmergency.Replace(",\"products\":[\"kubernetes\"]", "", StringComparison.Ordinal)), "operator", 400, "products"),
        new("command without an Idempotency-Key", "POST", Register, Json(GoodCluster), "operator", 400, "Idempotency-Key",
            new Dictionary<string, string> { ["Idempotency-Key"] = "" }),
        new("command with an If-Match that is no revision", "POST", Windows, Json(GoodWindow), "operator", 400, "If-Match",
            new Dictionary<string, string> { ["If-Match"] = "\"abc\"" }),
        new("command larger than 64 KiB", "POST", Register, Json(GoodCluster, "\"pad\":\"" + new string('x', 70_000) + "\""), "operator", 413, ""),
        new("fleet risk at an unknown level", "GET", "/api/v1/fleet/eol-risk?minLevel=critical", null, "auditor", 400, "minLevel"),
        new("fleet risk of an unknown environment", "GET", "/api/v1/fleet/eol-risk?environment=dev", null, "auditor", 400, "environment"),
        new("fleet risk on February 30", "GET", "/api/v1/fleet/eol-risk?asOf=2026-02-30", null, "auditor", 400, "asOf"),
        new("cluster risk as of a word", "GET", "/api/v1/clusters/web-prod/eol-risk?asOf=yesterday", null, "auditor", 400, "asOf"),
        new("check without a version", "GET", "/api/v1/eol-risk/check", null, "auditor", 400, "version"),
        new("check of a product not in the catalog", "GET", "/api/v1/eol-risk/check?product=windows&version=10", null, "auditor", 400, "product"),
        new("patch latency from a short date", "GET", "/api/v1/clusters/web-prod/patch-latency?from=2026-1-1", null, "auditor", 400, "from"),
        new("patch latency ending before it starts", "GET", "/api/v1/clusters/web-prod/patch-latency?from=2026-02-01&to=2026-01-01", null, "auditor", 400, "to"),
        new("history page zero", "GET", "/api/v1/clusters/web-prod/history?page=0", null, "auditor", 400, "page"),
        new("history page of 501", "GET", "/api/v1/clusters/web-prod/history?pageSize=501", null, "auditor", 400, "pageSize"),
        new("history page that is a word", "GET", "/api/v1/clusters/web-prod/history?page=abc", null, "auditor", 400, "page"),
        new("report of an unknown scope", "GET", "/api/v1/reports?scope=everything", null, "auditor", 400, "scope"),
        // Issue 13, finding 6: boundary dates are 400 naming the field, never 500.
        new("fleet risk as of the year 9999", "GET", "/api/v1/fleet/eol-risk?asOf=9999-12-31", null, "auditor", 400, "asOf"),
        new("cluster risk as of the year 9999", "GET", "/api/v1/clusters/web-prod/eol-risk?asOf=9999-12-31", null, "auditor", 400, "asOf"),
        new("findings as of the year 1", "GET", "/api/v1/clusters/web-prod/findings?asOf=0001-01-01", null, "auditor", 400, "asOf"),
        new("patch latency from the year 1 to 9999", "GET", "/api/v1/clusters/web-prod/patch-latency?from=0001-01-01&to=9999-12-31", null, "auditor", 400, "from"),
        new("patch latency to the year 9999", "GET", "/api/v1/clusters/web-prod/patch-latency?to=9999-12-31", null, "auditor", 400, "to"),
        new("report as of the year 1", "GET", "/api/v1/reports?asOf=0001-01-01", null, "auditor", 400, "asOf"),
        new("check as of the year 9999", "GET", "/api/v1/eol-risk/check?version=1.30.1&asOf=9999-12-31", null, "auditor", 400, "asOf"),
        // Issue 13, finding 7: ids end at the end, not before a final newline.
        new("register a cluster id with a final newline", "POST", Register, Json(GoodCluster.Replace("bad-input-ok", "web-prod\\n", StringComparison.Ordinal)), "operator", 400, "clusterId"),
        new("schedule a window id with a final newline", "POST", Windows, Json(GoodWindow.Replace("bad-input", "wnl\\n", StringComparison.Ordinal)), "operator", 400, "windowId"),
        new("emergency for a CVE id with a final newline", "POST", Emergency, Json(GoodEmergency.Replace("CVE-2026-1234", "CVE-2024-9999\\n", StringComparison.Ordinal)), "operator", 400, "cveIds[0]"),
        // One named enum value, no flag combinations or padding.
        new("register in two environments at once", "POST", Register, Json(GoodCluster.Replace("staging", "Staging,Production", StringComparison.Ordinal)), "operator", 400, "environment"),
        new("register in a padded environment", "POST", Register, Json(GoodCluster.Replace("staging", " production", StringComparison.Ordinal)), "operator", 400, "environment"),
        new("fleet risk at two levels at once", "GET", "/api/v1/fleet/eol-risk?minLevel=low,high", null, "auditor", 400, "minLevel"),
        new("report of two environments at once", "GET", "/api/v1/reports?scope=environment:staging,production", null, "auditor", 400, "scope"),
        // A field given twice, even in another case.
        new("register with the cluster id twice", "POST", Register, Json(GoodCluster, "\"clusterId\":\"other\""), "operator", 400, "clusterId"),
        new("register with the cluster id twice in two cases", "POST", Register, Json(GoodCluster, "\"ClusterId\":\"other\""), "operator", 400, "ClusterId"),
        // Instants carry their offset.
        new("window starting at a time without offset", "POST", Windows, Json(GoodWindow.Replace("2026-06-20T02:00:00Z", "2026-06-20T02:00:00", StringComparison.Ordinal)), "operator", 400, "startsAt"),
        new("emergency ending at a time without offset", "POST", Emergency, Json(GoodEmergency.Replace("2026-06-14T03:00:00Z", "2026-06-14T03:00:00", StringComparison.Ordinal)), "operator", 400, "endedAt"),
        // Durations, SLAs and schedules within sane bounds: 400, not 409 or a silent yes.
        new("policy with a window of a third of a millisecond", "POST", Policy, Json(GoodPolicy.Replace("\"windowHours\":4", "\"windowHours\":0.0000001", StringComparison.Ordinal)), "admin", 400, "windowHours"),
        new("policy with a critical SLA of 1e-300 hours", "POST", Policy, Json(GoodPolicy.Replace("\"criticalSlaHours\":72", "\"criticalSlaHours\":1e-300", StringComparison.Ordinal)), "admin", 400, "criticalSlaHours"),
        new("policy with another SLA of 1e-300 days", "POST", Policy, Json(GoodPolicy.Replace("\"otherSlaDays\":35", "\"otherSlaDays\":1e-300", StringComparison.Ordinal)), "admin", 400, "otherSlaDays"),
        new("policy with a NUL in the cron", "POST", Policy, Json(GoodPolicy.Replace("0 2 * * 2", "0 2 * * 2\\u0000", StringComparison.Ordinal)), "admin", 400, "windowCron"),
        new("policy with 20 KB of spaces in the cron", "POST", Policy, Json(GoodPolicy.Replace("0 2 * * 2", "0 2 * * 2" + new string(' ', 20_000), StringComparison.Ordinal)), "admin", 400, "windowCron"),
        new("window in the year 9999", "POST", Windows, Json(GoodWindow.Replace("2026-06-20", "9999-06-20", StringComparison.Ordinal)), "operator", 400, "startsAt"),
        new("window two years ahead", "POST", Windows, Json(GoodWindow.Replace("2026-06-20", "2028-06-20", StringComparison.Ordinal)), "operator", 400, "startsAt"),
        new("window that started yesterday", "POST", Windows, Json(GoodWindow.Replace("2026-06-20", "2026-06-14", StringComparison.Ordinal)), "operator", 400, "startsAt"),
        new("emergency from the year 1 to 9999", "POST", Emergency,
            Json(GoodEmergency.Replace("2026-06-14T02:00:00Z", "0001-01-01T00:00:00Z", StringComparison.Ordinal).Replace("2026-06-14T03:00:00Z", "9999-12-31T00:00:00Z", StringComparison.Ordinal)),
            "operator", 400, "startedAt"),
        new("emergency six years back", "POST", Emergency,
            Json(GoodEmergency.Replace("2026-06-14T02:00", "2020-06-14T02:00", StringComparison.Ordinal).Replace("2026-06-14T03:00", "2020-06-14T03:00", StringComparison.Ordinal)),
            "operator", 400, "startedAt"),
        new("emergency lasting a month", "POST", Emergency, Json(GoodEmergency.Replace("2026-06-14T02:00", "2026-05-14T02:00", StringComparison.Ordinal)), "operator", 400, "endedAt"),
        new("emergency that ends tomorrow", "POST", Emergency, Json(GoodEmergency.Replace("2026-06-14T03:00", "2026-06-16T03:00", StringComparison.Ordinal)), "operator", 400, "endedAt"),
        // The staging cluster must exist and be a staging cluster (read from the ledger, not the validator).
        new("register with a staging cluster that does not exist", "POST", Register,
            Json(GoodCluster.Replace("staging", "production", StringComparison.Ordinal), "\"stagingClusterId\":\"no-such-staging\""), "operator", 400, "stagingClusterId"),
        new("register with a production cluster as staging cluster", "POST", Register,
            Json(GoodCluster.Replace("staging", "production", StringComparison.Ordinal), "\"stagingClusterId\":\"web-prod\""), "operator", 400, "stagingClusterId"),
        // Text fields refuse control characters, bidirectional overrides and invisible-only names.
        new("register a name that clears the screen", "POST", Register, Json(GoodCluster.Replace("\"B\"", "\"B\\u001b[2J\\u001b[H\"", StringComparison.Ordinal)), "operator", 400, "displayName"),
        new("register a name with a NUL", "POST", Register, Json(GoodCluster.Replace("\"B\"", "\"B\\u0000\"", StringComparison.Ordinal)), "operator", 400, "displayName"),
        new("register a name with a right-to-left override", "POST", Register, Json(GoodCluster.Replace("\"B\"", "\"\\u202egnp.exe\"", StringComparison.Ordinal)), "operator", 400, "displayName"),
        new("register a name of only a zero-width space", "POST", Register, Json(GoodCluster.Replace("\"B\"", "\"\\u200b\"", StringComparison.Ordinal)), "operator", 400, "displayName"),
        new("register an owner team with an isolate", "POST", Register, Json(GoodCluster.Replace("\"t\"", "\"t\\u2066x\\u2069\"", StringComparison.Ordinal)), "operator", 400, "ownerTeam"),
        new("complete with notes that ring the bell", "POST", Window + "/complete", """{"outcome":"succeeded","notes":"done\u0007"}""", "operator", 400, "notes"),
        new("abort for a reason that clears the screen", "POST", Window + "/abort", """{"reason":"\u001b[2J","contingencyUsed":false}""", "operator", 400, "reason"),
        new("upgrade on a node with a newline", "POST", Window + "/upgrades", """{"kind":"kubelet","product":"kubernetes","node":"n1\nn2","fromVersion":"1.33.1","toVersion":"1.33.2"}""", "operator", 400, "node"),
        new("check a version with an escape sequence", "GET", "/api/v1/eol-risk/check?version=1.30.1%1B%5B2J", null, "auditor", 400, "version"),
        new("findings of an upper-case cluster id", "GET", "/api/v1/clusters/WEB/findings", null, "auditor", 400, "clusterId"),
    ];
}
