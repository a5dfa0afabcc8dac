using Compliance.Application.UseCases;
using Compliance.Application.UseCases.Requests;

namespace Compliance.Application.Tests.UseCases;

/// <summary>Request bodies as every caller's JSON is read: one value per field, instants with their offset.</summary>
public sealed class RequestJsonTests
{
    private const string Cluster = """ "displayName":"W","environment":"staging","ownerTeam":"t","flavour":"eks" """;

    [Theory]
    [InlineData("clusterId")]
    [InlineData("ClusterId")]
    [InlineData("CLUSTERID")]
    public void a_field_given_twice_in_any_case_is_refused_naming_the_second_spelling(string again)
    {
        var (value, errors) = RequestJson.Parse<RegisterClusterRequest>(Bytes($$"""{"clusterId":"a",{{Cluster}},"{{again}}":"b"}"""));
        value.ShouldBeNull();
        errors!.Keys.ShouldBe([again]);
        errors[again].Single().ShouldContain("more than once");
    }

    [Fact]
    public void a_field_given_twice_inside_a_list_item_is_named_by_its_path()
    {
        var body = """
            {"windowId":"w","startsAt":"2026-06-20T02:00:00Z","endsAt":"2026-06-20T04:00:00Z",
             "plannedChanges":[{"kind":"kubelet","product":"kubernetes","toVersion":"1.33.2","changeKind":"patch"},
                               {"kind":"kubelet","kind":"addOn","product":"kubernetes","toVersion":"1.33.2","changeKind":"patch"}]}
            """u8.ToArray();
        var (_, errors) = RequestJson.Parse<ScheduleWindowRequest>(body);
        errors!.Keys.ShouldBe(["plannedChanges[1].kind"]);
    }

    [Fact]
    public void the_same_name_in_two_objects_is_not_a_duplicate()
    {
        var body = """
            {"windowId":"w","startsAt":"2026-06-20T02:00:00Z","endsAt":"2026-06-20T04:00:00Z",
             "plannedChanges":[{"kind":"kubelet","product":"kubernetes","toVersion":"1.33.2","changeKind":"patch"},
                               {"kind":"addOn","product":"kubernetes","toVersion":"1.33.2","changeKind":"patch"}]}
            """u8.ToArray();
        var (value, errors) = RequestJson.Parse<ScheduleWindowRequest>(body);
        errors.ShouldBeNull();
        value!.PlannedChanges!.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("2026-06-20T02:00:00")]
    [InlineData("2026-06-20T02:00")]
    [InlineData("2026-06-20")]
    [InlineData("06/20/2026 02:00")]
    public void an_instant_without_an_offset_is_refused_naming_the_field(string startsAt)
    {
        var (value, errors) = RequestJson.Parse<ScheduleWindowRequest>(Window(startsAt));
        value.ShouldBeNull();
        errors!.Keys.ShouldBe(["startsAt"]);
        errors["startsAt"].Single().ShouldContain("offset");
    }

    [Theory]
    [InlineData("2026-06-20T02:00:00Z", 2)]
    [InlineData("2026-06-20T02:00Z", 2)]
    [InlineData("2026-06-20T03:00:00+01:00", 2)]
    [InlineData("2026-06-19T21:00:00.5-05:00", 2)]
    public void an_instant_with_an_offset_is_read_as_that_instant(string startsAt, int utcHour)
    {
        var (value, errors) = RequestJson.Parse<ScheduleWindowRequest>(Window(startsAt));
        errors.ShouldBeNull();
        value!.StartsAt!.Value.UtcDateTime.Hour.ShouldBe(utcHour);
    }

    private static byte[] Bytes(string json) => System.Text.Encoding.UTF8.GetBytes(json);

    private static byte[] Window(string startsAt) =>
        Bytes($$"""{"windowId":"w","startsAt":"{{startsAt}}","endsAt":"2026-06-20T04:00:00Z"}""");
}
