using System.CommandLine;
using System.Globalization;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Application.Store;
using Compliance.Host.Composition;

namespace Compliance.Host.Cli;

/// <summary>
/// <c>compliance export --out FILE</c> and <c>compliance import --in FILE</c>: the ledger as JSON lines with its hashes,
/// for moving between stores, from or into either store. Into SQLite, import loads a temp file beside the ledger and
/// moves it into place only when the chain verifies and the head hash is the file's, so a failed import leaves the
/// target as empty as it was. EventStoreDB has no transaction around a whole import: there every line of the file is
/// checked before anything is written, and an import that stopped part-way (the server went away) is continued by
/// running the same import again. The read models are rebuilt aside and moved into place once complete.
/// </summary>
internal static class ExportImportCommands
{
    public static IEnumerable<Command> Create(TimeProvider time, TextWriter output, TextWriter error) => [Export(time, output), Import(time, output, error)];

    private static Command Export(TimeProvider time, TextWriter output)
    {
        var file = new Option<string>("--out") { Description = "File to write (JSON lines: a header, then one event per line)", Required = true };
        var force = OutputPath.Force();
        var command = new Command("export", "Write the whole ledger as JSON lines with its hashes") { file, force };
        command.SetAction(async (parse, ct) =>
        {
            string path;
            LedgerHeader header;
            await using (var services = LocalServices.Open(parse, time))
            {
                path = OutputPath.Check("--out", parse.GetValue(file), services.Data, parse.GetValue(force));
                var partial = path + ".partial";
                try
                {
                    await using var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                    header = await LedgerExport.WriteAsync(services.Store, stream, ct);
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

                File.Move(partial, path, overwrite: true);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"exported {header.Events} event(s) to {path}; head position {header.HeadPosition}, head hash {header.HeadHash}"));
            return 0;
        });
        return command;
    }

    private static Command Import(TimeProvider time, TextWriter output, TextWriter error)
    {
        var file = new Option<string>("--in") { Description = "Export file written by 'compliance export'", Required = true };
        var command = new Command("import", "Load an export into an empty ledger, verify its chain and rebuild the read models") { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!);
            if (!File.Exists(path)) throw new UserError($"--in: {path} does not exist");
            string where;
            ChainVerification verified;
            long resumed = 0;
            using var progress = new Progress(error);
            progress.Phase($"importing {Path.GetFileName(path)}");
            await using (var target = LocalServices.Open(parse, time, requireLedger: false))
            {
                var esdb = target.StoreSettings.UsesEventStoreDb;
                where = esdb ? "the EventStoreDB ledger" : target.Data.LedgerFile;
                // The embedded ledger is replaced as a file, so it is read apart from the services that will open it afterwards.
                var head = esdb ? (await target.Store.ReadHeadAsync(ct)).Position : await SqliteHeadAsync(target.Data, time, ct);
                if (head > 0 && !esdb)
                    throw new UserError(string.Create(CultureInfo.InvariantCulture,
                        $"{where} already holds {head} event(s); import needs an empty store (pass --data with an empty or new folder, or another store)"));
                try
                {
                    if (esdb) (verified, resumed) = await IntoStoreAsync(path, target, ct);
                    else verified = await IntoSqliteAsync(path, target.Data, time, ct);
                }
                catch (Exception e) when (e is LedgerImportException or System.Text.DecoderFallbackException)
                {
                    throw new UserError($"{path}: {e.Message}; nothing was imported");
                }
            }

            await using var services = LocalServices.Open(parse, time);
            progress.Phase("rebuilding the read models");
            await services.RebuildAsync(ct);
            progress.Dispose();
            var digest = await services.ReadModels.DigestAsync(ct);
            var continued = resumed > 0 ? string.Create(CultureInfo.InvariantCulture, $" (continued after the {resumed} event(s) an earlier import had stored)") : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {verified.Verified} event(s) into {where}{continued}; chain verified; head position {verified.HeadPosition}, head hash {verified.HeadHash}; read-model digest {digest}"));
            return 0;
        });
        return command;
    }

    private static async Task<long> SqliteHeadAsync(DataDirectory data, TimeProvider time, CancellationToken ct)
    {
        if (!data.HasLedger) return 0;
        using var existing = new SqliteEventStore(data.LedgerFile, time);
        return (await existing.ReadHeadAsync(ct)).Position;
    }

    /// <summary>
    /// Checks the whole file first, then appends it: nothing is written unless every line is good. A store that holds
    /// the file's first events (this import, stopped part-way) is continued after them.
    /// </summary>
    private static async Task<(ChainVerification Verified, long AlreadyStored)> IntoStoreAsync(string path, LocalServices services, CancellationToken ct)
    {
        using (var check = new StreamReader(path, LedgerExport.Utf8Strict)) await LedgerImport.CheckAsync(check, ct);
        using var reader = new StreamReader(path, LedgerExport.Utf8Strict);
        return await LedgerImport.ResumeAsync(reader, services.Importer, services.Store, ct);
    }

    /// <summary>Loads a temp file beside the ledger, then moves it into place: a failure leaves no ledger behind.</summary>
    private static async Task<ChainVerification> IntoSqliteAsync(string path, DataDirectory data, TimeProvider time, CancellationToken ct)
    {
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
        catch
        {
            DeleteDatabase(temp);
            throw;
        }

        DeleteDatabase(data.LedgerFile);
        File.Move(temp, data.LedgerFile);
        if (File.Exists(temp + "-wal")) File.Move(temp + "-wal", data.LedgerFile + "-wal");
        return verified;
    }

    private static void DeleteDatabase(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
    }
}
