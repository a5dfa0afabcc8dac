using System.Text.Json;
using Compliance.Application.Files;
using Compliance.Application.Integration;

namespace Compliance.Adapters.Messaging.Integration;

/// <summary>
/// Keeps what the integration gateway announced in one JSON file beside the read models, replaced atomically (write
/// a temporary file, then rename), so a crash leaves the old or the new state, never half of one.
/// </summary>
public sealed class PublishedStateFile(string path) : IPublishedStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public string Path { get; } = path;

    public async Task<PublishedState> LoadAsync(CancellationToken ct)
    {
        if (!File.Exists(Path)) return PublishedState.Empty;
        await using var stream = File.OpenRead(Path);
        try
        {
            var file = await JsonSerializer.DeserializeAsync<StateFile>(stream, Json, ct)
                ?? throw new InvalidDataException($"{Path} is empty");
            return new PublishedState(file.Levels ?? [], file.Breaches ?? [], file.UnrecordedChanges ?? [], file.MaintenancePosition);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path} is not a published-state file ({e.Message}); delete it to announce the current state again", e);
        }
    }

    public async Task SaveAsync(PublishedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var file = new StateFile(new Dictionary<string, string>(state.Levels, StringComparer.Ordinal), [.. state.Breaches.Order(StringComparer.Ordinal)],
            [.. state.UnrecordedChanges.Order(StringComparer.Ordinal)], state.MaintenancePosition);
        await AtomicFile.WriteAsync(Path, JsonSerializer.SerializeToUtf8Bytes(file, Json), ct);
    }

    private sealed record StateFile(Dictionary<string, string>? Levels, List<string>? Breaches, List<string>? UnrecordedChanges, long? MaintenancePosition);
}
