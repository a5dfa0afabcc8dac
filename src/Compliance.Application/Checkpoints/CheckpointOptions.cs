namespace Compliance.Application.Checkpoints;

/// <summary>
/// Compliance:Checkpoints. <see cref="KeyFile"/>: the Ed25519 private key (PKCS#8 PEM) that signs checkpoints; without
/// it, the data directory's <c>checkpoint-key.pem</c>, created at first use. Serve signs the ledger's head every
/// <see cref="EveryEvents"/> events or <see cref="EveryMinutes"/> minutes, whichever comes first (unless
/// <see cref="Enabled"/> is false), and every report signs its as-of head.
/// </summary>
public sealed class CheckpointOptions
{
    public const string Section = "Compliance:Checkpoints";
    public const string DefaultKeyFileName = "checkpoint-key.pem";

    public string? KeyFile { get; set; }

    public int EveryEvents { get; set; } = 1_000;

    public int EveryMinutes { get; set; } = 60;

    /// <summary>Whether serve signs the head on its own (reports and 'compliance checkpoint export' sign regardless).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>One line per problem.</summary>
    public IEnumerable<string> Problems()
    {
        if (EveryEvents < 1) yield return $"{Section}:EveryEvents must be at least 1";
        if (EveryMinutes < 1) yield return $"{Section}:EveryMinutes must be at least 1";
        if (KeyFile is { } file && !File.Exists(file)) yield return $"{Section}:KeyFile: {file} does not exist (create one with 'openssl genpkey -algorithm ed25519 -out {file}')";
    }
}
