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
        pdf.Section("Appendix C. Hash chain verification", "\u0000").ShouldContain(l => l.Contains("Result FAILED"));
        seeded.FleetText.All.ShouldNotContain("VERIFICATION FAILED");
    }
}
