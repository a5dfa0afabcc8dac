using System.Runtime.CompilerServices;

namespace Compliance.Tests.Common;

/// <summary>
/// Locates the repository (the folder holding Compliance.sln) and the data it carries. Linked into the test projects
/// that read the repository's files, so every test reads from inside the repository and nowhere else.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>
    /// Walks up from the test binaries; when they are built outside the tree (<c>--artifacts-path</c>), from this
    /// source file's compile-time path instead.
    /// </summary>
    public static string Root([CallerFilePath] string sourceFile = "") =>
        FindUp(AppContext.BaseDirectory) ?? FindUp(Path.GetDirectoryName(sourceFile) ?? "")
        ?? throw new InvalidOperationException($"no Compliance.sln above {AppContext.BaseDirectory} or {sourceFile}");

    /// <summary>The endoflife.date product files the shipped snapshot is built from: <c>data/catalog</c>.</summary>
    public static string CatalogSource => Path.Combine(Root(), "data", "catalog");

    public static string CommittedSnapshot => Path.Combine(Root(), "src", "Compliance.Application", "Catalog", "catalog.snapshot.json");

    private static string? FindUp(string start)
    {
        for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln"))) return dir.FullName;
        }
        return null;
    }
}
