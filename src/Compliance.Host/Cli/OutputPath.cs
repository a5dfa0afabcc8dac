using System.CommandLine;
using Compliance.Host.Composition;

namespace Compliance.Host.Cli;

/// <summary>
/// The one rule for a file a command writes (report, export, catalog build, checkpoint export): a regular file path,
/// not in the data directory (beside the ledger), not in a system folder (also through a symbolic link), not a symbolic
/// link itself, a folder or a device, and not an existing file unless --force. Breaking it is a one-line usage error.
/// </summary>
internal static class OutputPath
{
    /// <summary>Folders no report or export belongs in (the resolved path is checked, so a link into one counts too).</summary>
    private static readonly string[] SystemFolders =
        ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/run", "/sbin", "/snap", "/sys", "/usr", "/var/lib", "/var/run", "/var/spool"];

    public static Option<bool> Force() => new("--force") { Description = "Replace the output file when it exists" };

    /// <summary>The full path to write to.</summary>
    /// <param name="replaceable">an existing file may be replaced without --force (the command's own default name in its own folder).</param>
    /// <exception cref="UserError">the path breaks the rule; the message names <paramref name="option"/> and what is wrong.</exception>
    public static string Check(string option, string? path, DataDirectory? data, bool force, bool replaceable = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UserError($"{option}: give a file name");
        if (path.Contains('\0', StringComparison.Ordinal)) throw new UserError($"{option}: the file name holds a NUL character");
        var full = Path.GetFullPath(path);
        if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar) || Directory.Exists(full))
            throw new UserError($"{option}: '{path}' is a folder; give a file name");
        var folder = Path.GetDirectoryName(full) ?? throw new UserError($"{option}: '{path}' is not a file path");
        string realFolder;
        try
        {
            realFolder = Real(folder, 0);
        }
        catch (IOException e)
        {
            throw new UserError($"{option}: cannot follow the links in '{path}': {e.Message}");
        }

        if (SystemFolder(realFolder) is { } system)
            throw new UserError($"{option}: '{path}' is in the system folder {system}{(realFolder == folder ? "" : $" (through a symbolic link: {realFolder})")}; write it elsewhere");
        if (data is not null && string.Equals(realFolder, Real(data.Path, 0), StringComparison.Ordinal))
            throw new UserError($"{option}: '{path}' is in the data directory {data.Path}, beside the ledger; write it elsewhere");
        var existing = new FileInfo(full);
        if (existing.LinkTarget is not null) throw new UserError($"{option}: '{path}' is a symbolic link (to {existing.LinkTarget}); give the file itself");
        if (existing.Exists)
        {
            if ((existing.Attributes & FileAttributes.Device) != 0) throw new UserError($"{option}: '{path}' is a device, not a regular file");
            if (!force && !replaceable) throw new UserError($"{option}: '{path}' already exists (pass --force to replace it)");
        }

        return full;
    }

    /// <summary>The system folder <paramref name="folder"/> is in (or is), or null.</summary>
    private static string? SystemFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            var windows = System.Environment.GetFolderPath(System.Environment.SpecialFolder.Windows);
            return windows.Length > 0 && folder.StartsWith(windows, StringComparison.OrdinalIgnoreCase) ? windows : null;
        }

        if (folder == "/") return "/";
        return SystemFolders.FirstOrDefault(s => folder == s || folder.StartsWith(s + "/", StringComparison.Ordinal));
    }

    /// <summary>The folder with every symbolic link on the way resolved (the part that does not exist yet is kept as written).</summary>
    private static string Real(string folder, int depth)
    {
        if (OperatingSystem.IsWindows()) return Path.GetFullPath(folder);
        if (depth > 40) throw new IOException("too many levels of symbolic links");
        var current = "/";
        var parts = Path.GetFullPath(folder).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            var info = new DirectoryInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
                current = target == next ? next : Real(target, depth + 1);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }
}
