using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Api.Page;

internal static partial class FleetPageHtml
{
    private static void Findings(StringBuilder html, FleetPageModel page)
    {
        html.Append("<section id=\"findings\"><h2>Open findings</h2><p>Overdue first, then by due date; accepted findings stay listed with their exception.</p>");
        if (page.Findings.Count == 0)
        {
            html.Append("<p>No open findings.</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">state</th><th scope=\"col\">cluster</th><th scope=\"col\">finding</th>")
            .Append("<th scope=\"col\">subject</th><th scope=\"col\">owner</th><th scope=\"col\">detected</th><th scope=\"col\">due</th><th scope=\"col\">age</th></tr></thead><tbody>");
        foreach (var f in page.Findings.Take(FleetPageModel.MaxFindings))
        {
            var state = f.State.ToString().ToLowerInvariant();
            html.Append("<tr class=\"").Append(state).Append("\"><td>").Append(state)
                .Append(f.Accepted is { } a ? $"<br><small>{E(a.ExceptionId)} until {Day(a.Until)}</small>" : "")
                .Append("</td><td>").Append(E(f.ClusterId)).Append("</td><td>").Append(E(Words(f.Kind.ToString())))
                .Append("</td><td title=\"").Append(E(f.Detail)).Append("\">").Append(E(f.Subject)).Append("</td><td>").Append(E(f.Owner.Length == 0 ? "unassigned" : f.Owner))
                .Append("</td><td>").Append(Day(f.DetectedAt)).Append("</td><td>").Append(f.DueAt is { } due ? Day(due) : "–")
                .Append("</td><td>").Append(Number((long)f.Age.TotalDays)).Append(" d</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (page.Findings.Count > FleetPageModel.MaxFindings)
        {
            html.Append("<p>").Append(Number(page.Findings.Count - FleetPageModel.MaxFindings))
                .Append(" more not listed: GET /api/v1/fleet/findings lists every one.</p>");
        }

        html.Append("</section>");
    }

    private static void Patches(StringBuilder html, FleetPageModel page)
    {
        html.Append("<section id=\"patches\"><h2>Patch latency against SLA</h2><p>Patches released in the ")
            .Append(Number(Application.UseCases.QueryService.DefaultPatchDays)).Append(" days to ").Append(Day(page.Day))
            .Append("; compliance is applied within SLA over due. Least compliant first.</p><div class=\"scroll\"><table><thead><tr>")
            .Append("<th scope=\"col\">cluster</th><th scope=\"col\">patches</th><th scope=\"col\">due</th><th scope=\"col\">within SLA</th><th scope=\"col\">breached</th>")
            .Append("<th scope=\"col\">open past SLA</th><th scope=\"col\">compliance</th><th scope=\"col\">median latency</th></tr></thead><tbody>");
        foreach (var p in page.Patches)
        {
            var period = p.Period;
            html.Append("<tr").Append(p.OpenPastSla > 0 ? " class=\"overdue\"" : "").Append("><th scope=\"row\">").Append(E(p.ClusterId)).Append("</th><td>")
                .Append(Number(period.Patches)).Append("</td><td>").Append(Number(period.Due)).Append("</td><td>").Append(Number(period.AppliedWithinSla))
                .Append("</td><td>").Append(Number(period.Breached)).Append("</td><td>").Append(Number(p.OpenPastSla)).Append("</td><td>")
                .Append(period.Compliance is { } c ? c.ToString("0%", CultureInfo.InvariantCulture) : "nothing due").Append("</td><td>")
                .Append(p.MedianLatencyDays is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) + " d" : "–").Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void Next(StringBuilder html, FleetPageModel page)
    {
        html.Append("<section id=\"next\"><h2>Next dates</h2><p>Each cluster's nearest end of support within ").Append(FleetPageModel.HorizonDays)
            .Append(" days (or already passed), its next scheduled window and whether that window moves the component off its cycle, and its earliest finding due date.</p>")
            .Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">cluster</th><th scope=\"col\">next deadline</th><th scope=\"col\">next window</th>")
            .Append("<th scope=\"col\">planned</th><th scope=\"col\">next finding due</th></tr></thead><tbody>");
        foreach (var n in page.Next)
        {
            var mismatch = n.Deadline is { Covered: false };
            html.Append("<tr").Append(mismatch ? " class=\"mismatch\"" : "").Append("><th scope=\"row\">").Append(E(n.ClusterId)).Append("</th><td>");
            if (n.Deadline is { } d)
            {
                var left = Days.Between(page.Day, d.Due);
                html.Append("<span title=\"").Append(E(d.Component)).Append("\">").Append(E($"{d.Product} {d.Cycle}")).Append("</span>: ").Append(Day(d.Due)).Append(" <small>")
                    .Append(left < 0 ? $"{Number(-left)} d past" : $"{Number(left)} d left").Append("</small>")
                    .Append(mismatch ? "<br><strong>not covered by the next window</strong>" : $"<br><small>covered by {E(d.CoveredBy!)}</small>");
            }
            else
            {
                html.Append("none within ").Append(FleetPageModel.HorizonDays).Append(" days");
            }

            html.Append("</td><td>").Append(n.Window is { } w ? $"{E(w.WindowId)}<br><small>{Instant(w.StartsAt)}</small>" : "none scheduled").Append("</td><td>")
                .Append(n.Window is { Planned.Count: > 0 } p ? string.Join("<br>", p.Planned.Select(E)) : "–").Append("</td><td>")
                .Append(n.NextDue is { } f ? $"{Day(f.DueAt!.Value)}<br><small>{E(Words(f.Kind.ToString()))}, {E(f.Owner.Length == 0 ? "unassigned" : f.Owner)}</small>" : "–")
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void Report(StringBuilder html, FleetPageModel page, IReadOnlyList<string> scopes)
    {
        var to = page.Day;
        var from = to.AddDays(1 - Application.UseCases.QueryService.DefaultReportDays);
        html.Append("<section id=\"report\"><h2>Auditor report</h2><p>The signed PDF for a scope and period, as GET /api/v1/reports gives it.</p>")
            .Append("<form method=\"get\" action=\"/api/v1/reports\"><label>scope <select name=\"scope\">");
        foreach (var scope in scopes) html.Append("<option>").Append(E(scope)).Append("</option>");
        html.Append("</select></label> <label>from <input type=\"date\" name=\"from\" value=\"").Append(Day(from)).Append("\"></label> ")
            .Append("<label>to <input type=\"date\" name=\"to\" value=\"").Append(Day(to)).Append("\"></label> <button type=\"submit\">Download PDF</button></form>")
            .Append("<p><a id=\"report-link\" href=\"/api/v1/reports?scope=fleet&amp;from=").Append(Day(from)).Append("&amp;to=").Append(Day(to))
            .Append("\">Fleet report, ").Append(Day(from)).Append(" to ").Append(Day(to)).Append("</a></p></section>");
    }

    /// <summary>missedWindow → missed window.</summary>
    private static string Words(string name) => CamelHump().Replace(name, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CamelHump();

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}header{background:#263238;color:#fff;padding:12px 20px}"
        + "header a{color:#cfd8dc}header form{display:inline}h1{margin:0 0 4px;font-size:1.4em}main{padding:0 20px 40px}h2{margin-top:28px}"
        + "table{border-collapse:collapse;font-size:.85em;background:#fff}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}"
        + "thead th{background:#eceff1;position:sticky;top:0}.scroll{overflow:auto;max-height:70vh}.counts{list-style:none;padding:0;display:flex;gap:24px;flex-wrap:wrap}"
        + ".counts strong{font-size:1.4em}.cell{text-align:center;font-weight:600}.cell small{font-weight:400}.legend .cell{display:inline-block;padding:2px 8px}"
        + ".eol{background:#b71c1c;color:#fff}.high{background:#e65100;color:#fff}.medium{background:#f9a825;color:#000}.low{background:#2e7d32;color:#fff}"
        + ".unknown{background:#9e9e9e;color:#000}.none{color:#999;text-align:center}tr.overdue td,tr.overdue th{background:#ffebee}"
        + "tr.mismatch td,tr.mismatch th{background:#fff3e0}tr.accepted td{color:#555}.problem{color:#b71c1c;font-weight:600}";
}
