using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.Api.Tests;

/// <summary>Each bad request gets its status and a problem detail naming the field, and the ledger does not move.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Cases => [.. BadInput.All.Select(c => c.Name)];

    [Fact]
    public void the_table_holds_at_least_forty_cases() => BadInput.All.Count.ShouldBeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task bad_input_is_refused_with_a_problem_naming_the_field_and_the_ledger_unchanged(string name)
    {
        var input = BadInput.All.Single(c => c.Name == name);
        var before = await api.LedgerHeadAsync();
        var client = api.ClientFor(input.Role switch { "admin" => ApiFactory.AdminKey, "operator" => ApiFactory.OperatorKey, _ => ApiFactory.AuditorKey });
        using var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Path);
        if (input.Body is not null) request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(input.Body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        if (input.Method == "POST") request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        foreach (var (header, value) in input.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(header);
            if (value.Length > 0) request.Headers.TryAddWithoutValidation(header, value);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(input.Status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        problem.GetProperty("status").GetInt32().ShouldBe(input.Status);
        if (input.Field.Length > 0)
        {
            var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            errors.ShouldContain(input.Field, text);
        }
        else
        {
            problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        }

        (await api.LedgerHeadAsync()).ShouldBe(before);
    }
}
