using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Compliance.Adapters.Kubernetes.Model;

/// <summary>Message fingerprints and name-based (RFC 4122 version 5) message ids: the same content always gives the same id.</summary>
internal static class Hashing
{
    /// <summary>The namespace of the watcher's message ids (a fixed random UUID).</summary>
    private static readonly Guid MessageNamespace = new("6f1f3c0e-8a55-4d4b-9d0e-2b7c4b3f7a51");

    /// <summary>
    /// Hash of a message's JSON: equal messages (maps in the same order, as the watcher builds them) hash alike, so an
    /// exact repeat is recognised without naming a field.
    /// </summary>
    public static string Of<T>(T message) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(message)).AsSpan(0, 16));

    /// <summary>UUID version 5 (SHA-1) of <paramref name="name"/> in the watcher's namespace.</summary>
    public static Guid MessageId(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        MessageNamespace.TryWriteBytes(ns, bigEndian: true, out _);
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.CopyTo(input);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
