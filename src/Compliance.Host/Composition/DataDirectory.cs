namespace Compliance.Host.Composition;

/// <summary>Where a Compliance installation keeps its ledger and read models.</summary>
internal sealed class DataDirectory(string path)
{
    public const string EnvironmentVariable = "COMPLIANCE_DATA";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string LedgerFile => System.IO.Path.Combine(Path, "ledger.db");

    public string ReadModelsFile => System.IO.Path.Combine(Path, "readmodels.db");

    /// <summary>The answers given to commands, kept for retries with the same idempotency key.</summary>
    public string IdempotencyFile => System.IO.Path.Combine(Path, "idempotency.db");

    /// <summary>Marks a folder whose ledger `compliance demo` wrote, so a later demo may replace it and nothing else.</summary>
    public string DemoMarker => System.IO.Path.Combine(Path, "DEMO");

    /// <summary>--data, else $COMPLIANCE_DATA, else the user's data folder (~/.local/share/compliance on Linux).</summary>
    public static DataDirectory Resolve(string? option)
    {
        var chosen = option ?? System.Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(chosen))
        {
            var root = System.Environment.GetFolderPath(System.Environment.SpecialFolder.LocalApplicationData, System.Environment.SpecialFolderOption.DoNotVerify);
            chosen = System.IO.Path.Combine(root, "compliance");
        }

        return new DataDirectory(chosen);
    }

    public bool HasLedger => File.Exists(LedgerFile);

    /// <summary>Fails with a clear line when the path names a file, not a folder.</summary>
    public DataDirectory RequireFolder()
    {
        if (File.Exists(Path)) throw new UserError($"--data: {Path} is a file; pass a folder");
        return this;
    }

    /// <summary>Fails with a clear line when there is no ledger to read.</summary>
    public DataDirectory RequireLedger()
    {
        RequireFolder();
        if (!Directory.Exists(Path)) throw new UserError($"data directory {Path} does not exist (run 'compliance demo', or pass --data DIR)");
        if (!HasLedger) throw new UserError($"no ledger in {Path} (run 'compliance demo', or pass --data DIR)");
        return this;
    }
}
