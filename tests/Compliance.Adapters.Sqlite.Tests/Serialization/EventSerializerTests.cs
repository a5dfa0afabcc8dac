using System.Text.Json.Nodes;
using Compliance.Application.Serialization;
using Compliance.Application.Store;
using Compliance.Domain.Events;
using Compliance.Testing;

namespace Compliance.Adapters.Sqlite.Tests.Serialization;

public sealed class EventSerializerTests
{
    private static readonly EventMetadata Metadata = new("carol", Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void every_domain_event_has_a_versioned_stored_name_that_is_not_its_clr_name()
    {
        var domainEvents = typeof(DomainEvent).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(DomainEvent))).ToList();

        EventTypeMap.Default.Types.ShouldBe(domainEvents, ignoreOrder: true);
        domainEvents.ShouldAllBe(t => EventTypeMap.Default.NameOf(t).Name == "V1." + t.Name);
    }

    [Fact]
    public void payloads_are_camel_case_with_enum_names_and_exact_instants()
    {
        var stored = EventSerializer.Default.ToStored(SampleEvents.All.OfType<NodeDrained>().Single(), Guid.NewGuid(), Metadata);

        stored.Type.ShouldBe("V1.NodeDrained");
        stored.SchemaVersion.ShouldBe(1);
        stored.Json.ShouldContain("\"clusterId\":\"c1\"");
        stored.Json.ShouldContain("\"problems\":[\"PdbBlocked\"]");
        stored.Json.ShouldContain("\"duration\":\"00:01:33.5000000\"");
        stored.Json.ShouldContain("\"at\":\"2025-03-04T05:06:07.8912345+00:00\"");
    }

    [Fact]
    public void dictionary_keys_are_kept_as_written()
    {
        var stored = EventSerializer.Default.ToStored(SampleEvents.All.OfType<NodeObserved>().Single(), Guid.NewGuid(), Metadata);

        stored.Json.ShouldContain("\"Topology.Kubernetes.io/Zone\":\"eu-west-1a\"");
    }

    [Fact]
    public void an_old_shape_is_read_through_its_upcaster_into_the_current_event()
    {
        // The mechanism, shown with a shape the domain never had: V0 named the cluster "cluster".
        var upcasters = new EventUpcasters().Register(new RenamedClusterField());
        var serializer = new EventSerializer(EventTypeMap.Default, upcasters);
        var old = Stored("V0.MaintenanceStarted", """{"cluster":"c7","windowId":"w1","at":"2025-01-01T00:00:00+00:00"}""");

        var e = serializer.FromStored(old).ShouldBeOfType<MaintenanceStarted>();

        e.ClusterId.ShouldBe("c7");
        e.WindowId.ShouldBe("w1");
    }

    [Fact]
    public void an_old_shape_without_an_upcaster_is_an_unknown_type()
    {
        var old = Stored("V0.MaintenanceStarted", """{"cluster":"c7","windowId":"w1","at":"2025-01-01T00:00:00+00:00"}""");

        Should.Throw<UnknownEventTypeException>(() => EventSerializer.Default.FromStored(old)).Type.ShouldBe("V0.MaintenanceStarted");
    }

    private static StoredEvent Stored(string type, string json) =>
        new(Guid.NewGuid(), "maintenance-c7", 0, 42, type, 0, DateTimeOffset.UnixEpoch, "x", Guid.Empty, Guid.Empty, json, HashChain.Genesis, HashChain.Genesis);

    private sealed class RenamedClusterField : IEventUpcaster
    {
        public string FromType => "V0.MaintenanceStarted";

        public string ToType => "V1.MaintenanceStarted";

        public JsonObject Upcast(JsonObject json)
        {
            var cluster = json["cluster"]?.DeepClone();
            json.Remove("cluster");
            json["clusterId"] = cluster;
            return json;
        }
    }
}
