using System.Security.Cryptography;
using NSec.Cryptography;

namespace Compliance.Application.Checkpoints;

/// <summary>Checks a checkpoint's signature with a public key alone (what a witness or an auditor holds).</summary>
public static class CheckpointSignature
{
    public static string FingerprintOf(ReadOnlySpan<byte> publicKeyDer) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(publicKeyDer));

    /// <summary>The fingerprint of a PEM public key ("BEGIN PUBLIC KEY").</summary>
    /// <exception cref="FormatException">the text is not an Ed25519 public key in PEM.</exception>
    public static string FingerprintOf(string publicKeyPem) => FingerprintOf(Der(publicKeyPem));

    /// <summary>Null when the signature is the key's over the checkpoint, else what is wrong.</summary>
    /// <exception cref="FormatException">the text is not an Ed25519 public key in PEM.</exception>
    public static string? Problem(SignedCheckpoint checkpoint, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var der = Der(publicKeyPem);
        var fingerprint = FingerprintOf(der);
        if (!string.Equals(checkpoint.Algorithm, CheckpointKey.Algorithm, StringComparison.OrdinalIgnoreCase))
            return $"the checkpoint is signed with {checkpoint.Algorithm}, not {CheckpointKey.Algorithm}";
        if (!string.Equals(checkpoint.KeyFingerprint, fingerprint, StringComparison.Ordinal))
            return $"the checkpoint was signed by key {checkpoint.KeyFingerprint}, not by the key given ({fingerprint})";
        var key = NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPublicKey);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(checkpoint.Signature);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }

        return SignatureAlgorithm.Ed25519.Verify(key, checkpoint.Message(), signature)
            ? null
            : $"the signature does not verify with key {fingerprint}: position, hash or recorded-at were changed after signing";
    }

    private static byte[] Der(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        if (!PemEncoding.TryFind(publicKeyPem, out var fields) || publicKeyPem[fields.Label] is not "PUBLIC KEY")
            throw new FormatException("not a PEM public key (expected '-----BEGIN PUBLIC KEY-----')");
        var der = Convert.FromBase64String(publicKeyPem[fields.Base64Data]);
        return NSec.Cryptography.PublicKey.TryImport(SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPublicKey, out _)
            ? der
            : throw new FormatException("not an Ed25519 public key");
    }
}
