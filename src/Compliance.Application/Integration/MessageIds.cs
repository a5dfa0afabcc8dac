using System.Security.Cryptography;
using System.Text;

namespace Compliance.Application.Integration;

/// <summary>Deterministic message ids: UUID version 5 (SHA-1, name-based) of a fixed namespace and a name that says what the message announces.</summary>
public static class MessageIds
{
    /// <summary>The namespace of Compliance message ids (a fixed random UUID, distinct from the event-id namespace).</summary>
    public static readonly Guid Namespace = new("a3c1f7d2-6b84-4e1f-8d0a-2f5c9e7b4a61");

    public static Guid For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what UUID v5 specifies; the id is an idempotence key, not a security boundary.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
