using System.Text.Json.Nodes;

namespace Compliance.Application.Serialization;

/// <summary>
/// Turns a stored event of an older shape into the next version's shape. A changed event shape is a new stored name
/// ("V2.PatchReleased") in <see cref="EventTypeMap"/> plus an upcaster from the old name; the stored bytes never change.
/// </summary>
public interface IEventUpcaster
{
    /// <summary>The stored name this upcaster reads, e.g. "V1.PatchReleased".</summary>
    string FromType { get; }

    /// <summary>The name of the shape it produces, e.g. "V2.PatchReleased" (may itself be upcast further).</summary>
    string ToType { get; }

    JsonObject Upcast(JsonObject json);
}

/// <summary>The registered upcasters, one per old stored name; applied in a chain until a mapped name is reached.</summary>
public sealed class EventUpcasters
{
    /// <summary>Upper bound on a chain, so that a cycle among registrations is a clear error rather than a hang.</summary>
    private const int MaxChain = 32;

    private readonly Dictionary<string, IEventUpcaster> _byFromType = new(StringComparer.Ordinal);

    /// <summary>No event has changed shape yet.</summary>
    public static EventUpcasters None { get; } = new();

    public EventUpcasters Register(IEventUpcaster upcaster)
    {
        ArgumentNullException.ThrowIfNull(upcaster);
        if (!_byFromType.TryAdd(upcaster.FromType, upcaster))
        {
            throw new ArgumentException($"An upcaster from '{upcaster.FromType}' is already registered.", nameof(upcaster));
        }

        return this;
    }

    public bool Handles(string type) => _byFromType.ContainsKey(type);

    /// <summary>Applies upcasters from <paramref name="type"/> until <paramref name="isCurrent"/> accepts the name.</summary>
    public (string Type, JsonObject Json) UpcastToCurrent(string type, JsonObject json, Func<string, bool> isCurrent)
    {
        for (var step = 0; step < MaxChain && !isCurrent(type); step++)
        {
            if (!_byFromType.TryGetValue(type, out var upcaster))
            {
                return (type, json);
            }

            json = upcaster.Upcast(json);
            type = upcaster.ToType;
        }

        return isCurrent(type) ? (type, json) : throw new InvalidOperationException($"Upcaster chain from '{type}' does not end.");
    }
}
