using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Compliance.Application.Serialization;

/// <summary>
/// Deterministic event ids: the i-th event produced from one source message always gets the same id, so a
/// redelivered message appends nothing twice (the store is idempotent by event id).
/// </summary>
public static class EventIds
{
    /// <summary>The namespace of Compliance event ids (a fixed random UUID).</summary>
    public static readonly Guid Namespace = new("5b0e8f0c-3c1f-4f4e-9a53-6f1d2a7c9e41");

    /// <summary>UUID version 5 (RFC 9562: SHA-1 name-based) of <see cref="Namespace"/> with the source id and index as the name.</summary>
    public static Guid Derive(Guid source, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<byte> input = stackalloc byte[16 + 16 + 4];
        Namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        source.TryWriteBytes(input[16..32], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(input[32..], index);

        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what UUID v5 specifies; the id is an idempotence key, not a security boundary.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
