using Compliance.Application.Serialization;

namespace Compliance.Adapters.Sqlite.Tests.Serialization;

public sealed class EventIdsTests
{
    private static readonly Guid Source = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void the_same_source_and_index_always_give_the_same_id()
    {
        EventIds.Derive(Source, 3).ShouldBe(EventIds.Derive(Source, 3));
    }

    [Fact]
    public void other_indexes_or_sources_give_other_ids()
    {
        var ids = Enumerable.Range(0, 100).Select(i => EventIds.Derive(Source, i))
            .Concat(Enumerable.Range(0, 100).Select(i => EventIds.Derive(Guid.Parse("1f8fad5b-d9cb-469f-a165-70867728950e"), i)));

        ids.Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public void ids_are_rfc_version_5_uuids()
    {
        var text = EventIds.Derive(Source, 0).ToString("D");

        text[14].ShouldBe('5');
        "89ab".ShouldContain(text[19]);
    }
}
