using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Application.Store;
using Compliance.Domain.Events;

namespace Compliance.Application.Serialization;

/// <summary>Maps domain events to what the store keeps and back, through the explicit type map and the upcasters.</summary>
public sealed class EventSerializer(EventTypeMap types, EventUpcasters upcasters)
{
    public static EventSerializer Default { get; } = new(EventTypeMap.Default, EventUpcasters.None);

    public EventTypeMap Types { get; } = types;

    public EventToAppend ToStored(DomainEvent e, Guid id, EventMetadata m)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (name, schemaVersion) = Types.NameOf(e.GetType());
        return new EventToAppend(id, name, schemaVersion, JsonSerializer.Serialize(e, e.GetType(), EventJson.Options), m);
    }

    /// <exception cref="UnknownEventTypeException">the stored name is neither mapped nor upcastable to a mapped name.</exception>
    public DomainEvent FromStored(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Types.TryGetType(stored.Type, out var current))
        {
            return Deserialize(stored, current, stored.Json);
        }

        if (!upcasters.Handles(stored.Type))
        {
            throw new UnknownEventTypeException(stored.Type, stored.Position, stored.Stream);
        }

        var node = JsonNode.Parse(stored.Json) as JsonObject
            ?? throw new JsonException($"Event at position {stored.Position} ('{stored.Type}') is not a JSON object.");
        var (type, json) = upcasters.UpcastToCurrent(stored.Type, node, name => Types.TryGetType(name, out _));
        return Types.TryGetType(type, out var target)
            ? Deserialize(stored, target, json.ToJsonString(EventJson.Options))
            : throw new UnknownEventTypeException(type, stored.Position, stored.Stream);
    }

    private static DomainEvent Deserialize(StoredEvent stored, Type type, string json) =>
        JsonSerializer.Deserialize(json, type, EventJson.Options) as DomainEvent
            ?? throw new JsonException($"Event at position {stored.Position} ('{stored.Type}') deserialized to null.");
}

/// <summary>A stored event whose name this build does not know: a newer writer or a missing upcaster, never skipped silently.</summary>
public sealed class UnknownEventTypeException(string type, long position, string stream)
    : Exception($"Stored event type '{type}' at position {position} (stream '{stream}') is not in the event type map and no upcaster reads it.")
{
    public string Type { get; } = type;
    public long Position { get; } = position;
    public string Stream { get; } = stream;
}
