using System.Globalization;
using System.Text.Json;

namespace Compliance.Application.Checkpoints;

/// <summary>
/// A checkpoint as a witness keeps it: one JSON object with every signed field, the signature, the key's fingerprint
/// and its public key (a convenience: check it against the key you were given, not against the file's own).
/// </summary>
public static class CheckpointFile
{
    public static string Write(SignedCheckpoint checkpoint, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", SignedCheckpoint.Format);
            json.WriteNumber("position", checkpoint.Position);
            json.WriteString("hash", checkpoint.Hash);
            json.WriteString("recordedAt", SignedCheckpoint.Instant(checkpoint.RecordedAt));
            json.WriteString("algorithm", checkpoint.Algorithm);
            json.WriteString("keyFingerprint", checkpoint.KeyFingerprint);
            json.WriteString("signature", checkpoint.Signature);
            json.WriteString("publicKey", publicKeyPem);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The checkpoint and the public key the file carries.</summary>
    /// <exception cref="FormatException">the text is not a checkpoint file; the message says what is wrong.</exception>
    public static (SignedCheckpoint Checkpoint, string? PublicKeyPem) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            if (Text(r, "format") != SignedCheckpoint.Format) throw new FormatException($"not a checkpoint file (format is not '{SignedCheckpoint.Format}')");
            var checkpoint = new SignedCheckpoint(r.GetProperty("position").GetInt64(), Text(r, "hash"),
                SignedCheckpoint.ParseInstant(Text(r, "recordedAt")), Text(r, "algorithm"), Text(r, "keyFingerprint"), Text(r, "signature"));
            var key = r.TryGetProperty("publicKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            return (checkpoint, key);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"not a checkpoint file: {e.Message}", e);
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is null"));
}
