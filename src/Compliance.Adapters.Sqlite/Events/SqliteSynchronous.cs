namespace Compliance.Adapters.Sqlite.Events;

/// <summary>
/// How hard a commit waits for the disk (SQLite's <c>PRAGMA synchronous</c> in WAL mode). Both keep the file consistent
/// and every committed batch after a process crash (the WAL is written before the commit returns); they differ on
/// power loss or an OS crash, where <see cref="Normal"/> may lose the last commits (never half of one) and
/// <see cref="Full"/> loses none because every commit is fsynced.
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
