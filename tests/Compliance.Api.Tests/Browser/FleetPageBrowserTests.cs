using Compliance.Host.Api.Security;

namespace Compliance.Api.Tests.Browser;

/// <summary>
/// The fleet page as a person sees it: a real `compliance serve` on the demo ledger, opened in headless Chromium,
/// signed in with a key, read section by section, the report downloaded, signed out.
/// </summary>
public sealed class FleetPageBrowserTests
{
    private const string Key = "page-auditor-key-0123";

    [Fact]
    public async Task a_person_signs_in_reads_the_fleet_page_downloads_the_report_and_signs_out()
    {
        var data = await SeededLedger.CopyAsync();
        await using var serve = ServeProcess.Start(data, new Dictionary<string, string>
        {
            ["COMPLIANCE_API__KEYS__0__NAME"] = "page-auditor",
            ["COMPLIANCE_API__KEYS__0__ROLE"] = "auditor",
            ["COMPLIANCE_API__KEYS__0__SHA256"] = ApiKeyAuthentication.HashOf(Key),
        });
        try
        {
            await serve.WaitUntilLiveAsync();
            await using var browser = await HeadlessChromium.StartAsync();

            await browser.NavigateAsync(serve.Url + "/fleet");
            (await browser.TextAsync("location.pathname")).ShouldBe("/fleet/sign-in");
            await browser.SubmitAsync(SignIn("not-a-key"), "/fleet/sign-in");
            (await browser.TextAsync("document.querySelector('[role=alert]').innerText")).ShouldBe("That key matches no configured API key.");
            await browser.SubmitAsync(SignIn(Key), "/fleet");
            (await browser.TextAsync("document.querySelector('header').innerText")).ShouldContain("Signed in as page-auditor (auditor)");

            await SeesTheHeatMapAsync(browser);
            await SeesFindingsWithOwnersAndDueDatesAsync(browser);
            await SeesPatchLatencyAndNextDatesAsync(browser);
            if (Environment.GetEnvironmentVariable("COMPLIANCE_PAGE_SCREENSHOT") is { Length: > 0 } shot) await File.WriteAllBytesAsync(shot, await browser.ScreenshotAsync());

            var pdf = await browser.DownloadAsync("document.getElementById('report-link').click()");
            System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-", serve.Output);
            pdf.Length.ShouldBeGreaterThan(10_000);

            // data: URLs are the browser's own (the date inputs' calendar icon); nothing else may come from elsewhere.
            browser.Requested.Where(u => !u.StartsWith(serve.Url + "/", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal))
                .ShouldBeEmpty("the page loads nothing from elsewhere");
            await browser.SubmitAsync("document.querySelector('header form').submit()", "/fleet/sign-in");
            await browser.NavigateAsync(serve.Url + "/fleet");
            (await browser.TextAsync("location.pathname")).ShouldBe("/fleet/sign-in", "signed out, the page asks for a key again");
        }
        finally
        {
            await serve.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string SignIn(string key) =>
        $"document.querySelector('input[name=key]').value = {System.Text.Json.JsonSerializer.Serialize(key)}; document.querySelector('form').submit()";

    /// <summary>billing-prod's control plane ran past end of life in the demo: its cell says so, in the eol colour, on screen.</summary>
    private static async Task SeesTheHeatMapAsync(HeadlessChromium browser)
    {
        var cell = await browser.EvaluateAsync("""
            (() => {
              const table = document.querySelector('#eol table');
              const column = [...table.tHead.rows[0].cells].findIndex(c => c.innerText === 'control plane');
              const row = [...table.tBodies[0].rows].find(r => r.cells[0].innerText === 'billing-prod');
              const cell = row.cells[column];
              const box = cell.getBoundingClientRect();
              return [cell.innerText, getComputedStyle(cell).backgroundColor, box.width > 0 && box.height > 0, table.tBodies[0].rows.length];
            })()
            """);
        cell![0]!.GetValue<string>().ShouldStartWith("eol");
        cell[0]!.GetValue<string>().ShouldContain("d past");
        cell[1]!.GetValue<string>().ShouldBe("rgb(183, 28, 28)");
        cell[2]!.GetValue<bool>().ShouldBeTrue("the cell is laid out on the page");
        cell[3]!.GetValue<int>().ShouldBe(10, "one row per demo cluster");
    }

    private static async Task SeesFindingsWithOwnersAndDueDatesAsync(HeadlessChromium browser)
    {
        var rows = await browser.EvaluateAsync(
            "[...document.querySelectorAll('#findings tbody tr')].map(r => [...r.cells].map(c => c.innerText))");
        var findings = rows!.AsArray().Select(r => r!.AsArray().Select(c => c!.GetValue<string>()).ToArray()).ToList();
        findings.ShouldNotBeEmpty();
        findings.First(f => f[1] == "data-prod" && f[2] == "missed window")[4].ShouldBe("team-data");
        var overdue = findings.First();
        overdue[0].ShouldBe("overdue", "overdue findings come first");
        overdue[4].ShouldStartWith("team-");
        overdue[6].ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        (await browser.TextAsync("document.getElementById('summary').innerText")).ShouldMatch(@"\d+\s+overdue findings");
    }

    private static async Task SeesPatchLatencyAndNextDatesAsync(HeadlessChromium browser)
    {
        var patches = await browser.TextAsync("[...document.querySelectorAll('#patches tbody tr')].find(r => r.cells[0].innerText === 'billing-prod').innerText");
        patches.ShouldMatch(@"billing-prod(\t\d+){5}\t\d+%");
        var next = await browser.TextAsync("[...document.querySelectorAll('#next tbody tr')].find(r => r.cells[0].innerText === 'billing-prod').innerText");
        next.ShouldContain("d past");
        next.ShouldContain("not covered by the next window");
    }
}
