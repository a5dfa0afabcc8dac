using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Pdf.Tests;

[Collection(SeededCollection.Name)]
public sealed class TamperTests(SeededLedger seeded)
{
    [Fact]
    public async Task a_tampered_ledger_makes_the_report_say_verification_failed_on_every_page()
    {
        var ledger = seeded.Copy();
        await using (var connection = new SqliteConnection($"Data Source={ledger};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            // Someone with the file drops the append-only trigger and edits a version; the chain still tells.
            update.CommandText = "DROP TRIGGER events_are_not_updated; UPDATE events SET json = replace(json, 'v1.', 'v9.') WHERE position = (SELECT min(position) FROM events WHERE json LIKE '%v1.%' AND position > 40)";
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var rendered = await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(SeededLedger.AsOf));
        var pdf = PdfText.Read(rendered.Bytes);

        rendered.Report.Chain.Intact.ShouldBeFalse();
        pdf.Pages[0].ShouldContain(l => l.Contains("HASH CHAIN VERIFICATION FAILED"));
        pdf.Pages[0].ShouldContain(l => l.Contains("HashMismatch"));
        pdf.Pages.Skip(1).ShouldAllBe(page => page.Any(l => l.Contains("HASH CHAIN VERIFICATION FAILED")));
        pdf.Section("Appendix E. Hash chain verification", "Sign-off").ShouldContain(l => l.Contains("Result FAILED"));
        seeded.FleetText.All.ShouldNotContain("VERIFICATION FAILED");
    }

    [Fact]
    public async Task a_report_vouches_for_the_history_up_to_its_as_of_head_only()
    {
        var ledger = seeded.Copy();
        await using (var connection = new SqliteConnection($"Data Source={ledger};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            // An event recorded in the last days of the history is altered.
            update.CommandText = "DROP TRIGGER events_are_not_updated; UPDATE events SET json = replace(json, 'v1.', 'v9.') WHERE position = (SELECT max(position) FROM events WHERE json LIKE '%v1.%')";
            (await update.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var june = await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(Days.EndOf(new DateOnly(2026, 6, 30))));
        var now = await SeededLedger.RenderAsync(ledger, SeededLedger.FleetRequest(SeededLedger.AsOf));

        june.Report.Chain.Intact.ShouldBeTrue();
        june.Report.Chain.Verified.ShouldBe(june.Report.Ledger.Position);
        PdfText.Read(june.Bytes).Pages[0].ShouldContain(l => l.Contains("Hash chain verification: PASSED"));
        now.Report.Chain.Intact.ShouldBeFalse();
        PdfText.Read(now.Bytes).Pages[0].ShouldContain(l => l.Contains("HASH CHAIN VERIFICATION FAILED"));
    }
}
