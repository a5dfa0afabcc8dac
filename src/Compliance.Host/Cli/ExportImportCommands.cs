using System.CommandLine;
using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance export --out FILE</c> and <c>compliance import --in FILE</c>: the ledger as JSON lines with its hashes,
/// for moving between stores. Import loads into a temp file beside the ledger and moves it into place only when the
/// chain verifies and the head hash is the file's, so a failed import leaves the target as empty as it was.
/// </summary>
internal static class ExportImportCommands
{
    public static IEnumerable<Command> Create(TimeProvider time, TextWriter output) => [Export(time, output), Import(time, output)];

    private static Command Export(TimeProvider time, TextWriter output)
    {
        var file = new Option<string>("--out") { Description = "File to write (JSON lines: a header, then one event per line)", Required = true };
        var command = new Command("export", "Write the whole ledger as JSON lines with its hashes") { file };
        command.SetAction(async (parse, ct) =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(Options.Data)).RequireLedger();
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var partial = path + ".partial";
            LedgerHeader header;
            using (var store = data.OpenLedger(time))
            {
                try
                {
                    await using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                    header = await LedgerExport.WriteAsync(store, stream, ct);
                }
                catch (DirectoryNotFoundException)
                {
                    throw new UserError($"--out: folder {Path.GetDirectoryName(path)} does not exist");
                }
                catch
                {
                    File.Delete(partial);
                    throw;
                }
            }

            File.Move(partial, path, overwrite: true);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exported {header.Events} event(s) to {path}; head position {header.HeadPosition}, head hash {header.HeadHash}"));
            return 0;
        });
        return command;
    }

    private static Command Import(TimeProvider time, TextWriter output)
    {
        var file = new Option<string>("--in") { Description = "Export file written by 'compliance export'", Required = true };
        var command = new Command("import", "Load an export into an empty ledger, verify its chain and rebuild the read models") { file };
        command.SetAction(async (parse, ct) =>
        {
            var data = DataDirectory.Resolve(parse.GetValue(Options.Data));
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new UserError($"--in: {path} does not exist");
            await RequireEmptyAsync(data, time, ct);
            Directory.CreateDirectory(data.Path);

            var temp = data.LedgerFile + ".importing";
            DeleteDatabase(temp);
            ChainVerification verified;
            try
            {
                using var store = new SqliteEventStore(temp, time, SqliteSynchronous.Normal);
                using var reader = new StreamReader(path, LedgerExport.Utf8Strict);
                verified = await LedgerImport.ReadAsync(reader, store, store, ct);
            }
            catch (Exception e) when (e is LedgerImportException or System.Text.DecoderFallbackException)
            {
                DeleteDatabase(temp);
                throw new UserError($"{path}: {e.Message}; nothing was imported");
            }
            catch
            {
                DeleteDatabase(temp);
                throw;
            }

            DeleteDatabase(data.LedgerFile);
            File.Move(temp, data.LedgerFile);
            if (File.Exists(temp + "-wal")) File.Move(temp + "-wal", data.LedgerFile + "-wal");
            using var ledger = new Ledger(data, time);
            await ledger.Projections.RebuildAsync(ct);
            var digest = await ledger.ReadModels.DigestAsync(ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {verified.Verified} event(s) into {data.LedgerFile}; chain verified; head position {verified.HeadPosition}, head hash {verified.HeadHash}; read-model digest {digest}"));
            return 0;
        });
        return command;
    }

    private static async Task RequireEmptyAsync(DataDirectory data, TimeProvider time, CancellationToken ct)
    {
        if (!data.HasLedger) return;
        long head;
        using (var existing = data.OpenLedger(time))
        {
            (head, _) = await existing.ReadHeadAsync(ct);
        }

        if (head > 0)
            throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"{data.LedgerFile} already holds {head} event(s); import needs an empty store (pass --data with an empty or new folder)"));
    }

    private static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }
}
