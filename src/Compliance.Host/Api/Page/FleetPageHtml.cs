using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Compliance.Domain.Verdicts;

namespace Compliance.Host.Api.Page;

/// <summary>
/// The fleet page as one self-contained HTML document: inline style, no script, no external asset. Colour is never the
/// only signal: every heat-map cell names its level. Dates are UTC days (yyyy-MM-dd), instants yyyy-MM-dd HH:mm UTC.
/// </summary>
internal static partial class FleetPageHtml
{
    /// <summary>The part that is the same for everyone who reads this page at this checkpoint: built once, cached.</summary>
    public static string Body(FleetPageModel page, IReadOnlyList<string> scopes)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<main>");
        Summary(html, page);
        Heat(html, page);
        Findings(html, page);
        Patches(html, page);
        Next(html, page);
        Report(html, page, scopes);
        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>The head and the header, which name the person signed in.</summary>
    public static string Header(FleetPageModel page, string signedInAs) => new StringBuilder(2048)
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>Compliance fleet · ").Append(Day(page.Day)).Append("</title><style>").Append(Style).Append("</style></head><body>")
        .Append("<header><h1>Fleet compliance</h1><p>As of the end of ").Append(Day(page.Day)).Append(" UTC, read models at ledger position ")
        .Append(Number(page.Checkpoint)).Append(". Signed in as ").Append(E(signedInAs))
        .Append(".</p><form method=\"post\" action=\"").Append(FleetPageApi.SignOutPath).Append("\"><button type=\"submit\">Sign out</button></form>")
        .Append("<nav><a href=\"#eol\">EOL heat map</a> · <a href=\"#findings\">Findings</a> · <a href=\"#patches\">Patch latency</a> · ")
        .Append("<a href=\"#next\">Next dates</a> · <a href=\"#report\">Report</a></nav></header>")
        .ToString();

    /// <summary>The sign-in form, with what went wrong on the last try.</summary>
    public static string SignIn(string? problem) => new StringBuilder(2048)
        .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Compliance · sign in</title><style>").Append(Style)
        .Append("</style></head><body><header><h1>Fleet compliance</h1></header><main><h2>Sign in</h2>")
        .Append(problem is null ? "" : $"<p role=\"alert\" class=\"problem\">{E(problem)}</p>")
        .Append("<p>Sign in with an API key of any role; the page only reads.</p><form method=\"post\" action=\"").Append(FleetPageApi.SignInPath)
        .Append("\"><label>API key <input type=\"password\" name=\"key\" autocomplete=\"current-password\" required></label> ")
        .Append("<button type=\"submit\">Sign in</button></form></main></body></html>")
        .ToString();

    private static void Summary(StringBuilder html, FleetPageModel page)
    {
        var pastEol = page.Rows.Sum(r => r.Cells.Values.Count(c => c.Level == EolLevel.Eol));
        html.Append("<section id=\"summary\" aria-label=\"Summary\"><ul class=\"counts\">")
            .Append(Count("clusters", page.Rows.Count)).Append(Count("components past EOL", pastEol))
            .Append(Count("overdue findings", page.Count(FindingState.Overdue))).Append(Count("open findings", page.Count(FindingState.Open)))
            .Append(Count("accepted findings", page.Count(FindingState.Accepted)))
            .Append(Count("patches open past SLA", page.Patches.Sum(p => p.OpenPastSla))).Append("</ul></section>");
    }

    private static string Count(string label, int value) => $"<li><strong>{Number(value)}</strong> {E(label)}</li>";

    private static void Heat(StringBuilder html, FleetPageModel page)
    {
        html.Append("<section id=\"eol\"><h2>EOL heat map</h2><p>Worst level per cluster and component, with the days left until the nearest end of support")
            .Append(" (extended support where it counts). Worst clusters first.</p><p class=\"legend\">");
        foreach (var level in new[] { EolLevel.Eol, EolLevel.High, EolLevel.Medium, EolLevel.Low, EolLevel.Unknown })
            html.Append("<span class=\"cell ").Append(Level(level)).Append("\">").Append(Level(level)).Append("</span> ");
        html.Append("</p><div class=\"scroll\"><table class=\"heat\"><thead><tr><th scope=\"col\">cluster</th><th scope=\"col\">environment</th><th scope=\"col\">owner</th>");
        foreach (var column in page.Columns) html.Append("<th scope=\"col\">").Append(E(column.Label)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in page.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row.ClusterId)).Append("</th><td>").Append(E(row.Environment)).Append("</td><td>").Append(E(row.Owner)).Append("</td>");
            foreach (var column in page.Columns)
            {
                if (!row.Cells.TryGetValue(column, out var cell))
                {
                    html.Append("<td class=\"none\">–</td>");
                    continue;
                }

                var title = $"{column.Label} {cell.Cycles}: {Level(cell.Level)}"
                    + (cell.Ends is { } ends ? $", support ends {Day(ends)}" : ", no known end of support") + $", {cell.Instances} instance(s)"
                    + (cell.Accepted ? ", accepted by an exception" : "");
                html.Append("<td class=\"cell ").Append(Level(cell.Level)).Append("\" title=\"").Append(E(title)).Append("\">")
                    .Append(Level(cell.Level)).Append("<br><small>").Append(E(cell.Cycles)).Append(' ').Append(DaysLeft(cell.DaysLeft)).Append("</small>")
                    .Append(cell.Accepted ? "<br><small>accepted</small>" : "").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string DaysLeft(int? days) => days switch
    {
        null => "",
        < 0 => $"{Number(-days.Value)} d past",
        _ => $"{Number(days.Value)} d left",
    };

    private static string Level(EolLevel level) => level.ToString().ToLowerInvariant();

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    internal static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    internal static string E(string text) => HtmlEncoder.Default.Encode(text);
}
