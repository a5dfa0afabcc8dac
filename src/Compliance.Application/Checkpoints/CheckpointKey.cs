using System.Security.Cryptography;
using NSec.Cryptography;

namespace Compliance.Application.Checkpoints;

/// <summary>
/// The key that signs checkpoints: Ed25519 (RFC 8032) through NSec, kept as a PKCS#8 PEM file ("BEGIN PRIVATE KEY", what
/// <c>openssl genpkey -algorithm ed25519</c> writes). Ed25519 rather than the BCL's ECDSA because its signatures are
/// deterministic: a report re-rendered from the same history carries the same signature, so its bytes (and SHA-256) stay
/// reproducible.
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    public const string Algorithm = "Ed25519";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly Key key;

    private CheckpointKey(Key key)
    {
        this.key = key;
        var publicKey = key.PublicKey.Export(KeyBlobFormat.PkixPublicKey);
        PublicKeyPem = new string(PemEncoding.Write("PUBLIC KEY", publicKey)) + "\n";
        Fingerprint = CheckpointSignature.FingerprintOf(publicKey);
    }

    /// <summary>The public key as PEM ("BEGIN PUBLIC KEY"), what an auditor needs to check signatures.</summary>
    public string PublicKeyPem { get; }

    /// <summary><c>sha256:</c> and the SHA-256 of the DER public key in hex.</summary>
    public string Fingerprint { get; }

    /// <exception cref="FormatException">the file is not an Ed25519 private key in PKCS#8 PEM.</exception>
    public static CheckpointKey Load(string path)
    {
        var text = File.ReadAllText(path);
        if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] is not "PRIVATE KEY")
            throw new FormatException($"{path} is not a PEM private key (expected '-----BEGIN PRIVATE KEY-----', e.g. from 'openssl genpkey -algorithm ed25519')");
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        return Key.TryImport(Ed25519, der, KeyBlobFormat.PkixPrivateKey, out var key)
            ? new CheckpointKey(key!)
            : throw new FormatException($"{path} is not an Ed25519 private key (checkpoints are signed with Ed25519: 'openssl genpkey -algorithm ed25519 -out FILE')");
    }

    /// <summary>A new key written to <paramref name="path"/> (readable by its owner only) with its public key beside it (<c>.pub</c>).</summary>
    public static CheckpointKey Create(string path)
    {
        var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var created = new CheckpointKey(key);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var pem = new string(PemEncoding.Write("PRIVATE KEY", key.Export(KeyBlobFormat.PkixPrivateKey))) + "\n";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options)) file.Write(pem);
        File.WriteAllText(PublicKeyFileOf(path), created.PublicKeyPem);
        return created;
    }

    public static string PublicKeyFileOf(string keyFile) => keyFile + ".pub";

    public SignedCheckpoint Sign(long position, string hash, DateTimeOffset recordedAt)
    {
        var unsigned = new SignedCheckpoint(position, hash, recordedAt, Algorithm, Fingerprint, "");
        return unsigned with { Signature = Convert.ToBase64String(Ed25519.Sign(key, unsigned.Message())) };
    }

    public void Dispose() => key.Dispose();
}
