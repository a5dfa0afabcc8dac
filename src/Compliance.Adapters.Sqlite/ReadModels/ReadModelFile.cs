using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>
/// Rebuilds the read models aside: into a new file beside them, moved over the old one only once the build is complete.
/// A failure or a crash part-way leaves the old read models as they were (and the half-built file is removed).
/// </summary>
public static class ReadModelFile
{
    public static async Task<T> ReplaceAsync<T>(string path, Func<SqliteReadModelStore, CancellationToken, Task<T>> build, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(build);
        var target = Path.GetFullPath(path);
        var aside = target + ".rebuilding";
        Delete(aside);
        T result;
        try
        {
            result = await build(new SqliteReadModelStore(aside), ct).ConfigureAwait(false);
            SelfContained(aside);
        }
        catch
        {
            Delete(aside);
            throw;
        }

        // The old file's write-ahead log must not outlive it: SQLite would replay it into the new file.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(target + suffix);
        File.Move(aside, target, overwrite: true);
        return result;
    }

    /// <summary>Everything in the main file (no write-ahead log beside it), every connection to it closed.</summary>
    private static void SelfContained(string file)
    {
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        if (File.Exists(file + "-wal")) throw new IOException($"{file} is still open elsewhere; the read models were not replaced");
    }

    private static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(file + suffix);
    }
}
