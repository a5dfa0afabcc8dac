namespace Compliance.Application.Checkpoints;

/// <summary>
/// Where the signing key comes from: the configured key file, else <paramref name="defaultKeyFile"/> (the data
/// directory's), created on first use so the embedded run needs no setup. Loaded once, when first needed.
/// </summary>
public sealed class CheckpointKeySource(string? configuredKeyFile, string defaultKeyFile) : IDisposable
{
    private readonly Lock gate = new();
    private CheckpointKey? key;

    /// <summary>The file the key is (or will be) read from.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(configuredKeyFile ?? defaultKeyFile);

    /// <summary>True once this source created the key file (the caller tells the user its fingerprint).</summary>
    public bool Created { get; private set; }

    /// <summary>Whether a key exists without creating one.</summary>
    public bool Exists => key is not null || File.Exists(Path);

    /// <exception cref="CheckpointKeyException">the key file cannot be read or written, or is not an Ed25519 private key.</exception>
    public CheckpointKey Key
    {
        get
        {
            lock (gate)
            {
                if (key is not null) return key;
                try
                {
                    if (File.Exists(Path)) return key = CheckpointKey.Load(Path);
                    if (configuredKeyFile is not null) throw new CheckpointKeyException($"{CheckpointOptions.Section}:KeyFile: {Path} does not exist");
                    key = CheckpointKey.Create(Path);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    throw new CheckpointKeyException($"checkpoint signing key {Path}: {e.Message}");
                }

                Created = true;
                return key;
            }
        }
    }

    /// <summary>The public key as PEM when a key exists (nothing is created).</summary>
    public string? PublicKeyPem => Exists ? Key.PublicKeyPem : null;

    public void Dispose() => key?.Dispose();
}

/// <summary>The signing key cannot be had: the message names the file and the problem.</summary>
public sealed class CheckpointKeyException(string message) : Exception(message);
