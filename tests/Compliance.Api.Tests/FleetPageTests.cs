using System.Net;

namespace Compliance.Api.Tests;

/// <summary>The fleet page's sign-in and what its cookie may and may not do; the page itself is read in a browser (Browser/FleetPageBrowserTests).</summary>
public sealed class FleetPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task without_a_key_the_page_and_the_root_lead_to_the_sign_in_form_while_the_api_still_answers_401()
    {
        using var anonymous = api.ClientFor(null);
        foreach (var path in new[] { "/", "/fleet" })
        {
            var page = await anonymous.GetAsync(path);
            page.StatusCode.ShouldBe(HttpStatusCode.Found, path);
            page.Headers.Location!.ToString().ShouldBe("/fleet/sign-in", path);
        }

        (await anonymous.GetAsync("/api/v1/fleet/eol-risk")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var form = await anonymous.GetAsync("/fleet/sign-in");
        form.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await form.Content.ReadAsStringAsync()).ShouldContain("name=\"key\"");
    }

    [Fact]
    public async Task the_page_is_server_rendered_for_an_api_key_too_under_a_policy_that_loads_nothing_from_elsewhere()
    {
        var page = await api.Auditor().GetAsync("/fleet");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none'");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("As of the end of 2026-06-15 UTC");
        html.ShouldContain("<th scope=\"row\">billing-prod</th>");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("src=\"http");
    }

    [Fact]
    public async Task a_wrong_key_is_refused_by_name_of_the_field_and_a_post_from_another_site_is_refused()
    {
        using var browser = api.ClientFor(null);
        var wrong = await browser.PostAsync("/fleet/sign-in", Form("not-a-key"));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That key matches no configured API key.");
        wrong.Headers.Contains("Set-Cookie").ShouldBeFalse();

        var empty = await browser.PostAsync("/fleet/sign-in", Form(""));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("field &#x27;key&#x27;");

        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/fleet/sign-in") { Content = Form(ApiFactory.AuditorKey) };
        elsewhere.Headers.Add("Origin", "https://attacker.example");
        var forged = await browser.SendAsync(elsewhere);
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        forged.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task the_cookie_reads_with_the_keys_name_but_never_runs_a_command_even_for_an_admin_key()
    {
        var cookie = await SignInAsync(ApiFactory.AdminKey);
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=strict");
        using var browser = api.ClientFor(null);
        var value = cookie.Split(';')[0];

        (await Get(browser, "/fleet", value)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Get(browser, "/api/v1/clusters", value)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var command = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clusters")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        command.Headers.Add("Cookie", value);
        (await browser.SendAsync(command)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_cookie_changed_in_any_part_leads_back_to_the_sign_in_form()
    {
        var value = (await SignInAsync(ApiFactory.AuditorKey)).Split(';')[0];
        var parts = value["compliance-page=".Length..].Split('.');
        using var browser = api.ClientFor(null);
        var admin = Convert.ToBase64String("admin"u8.ToArray()).TrimEnd('=');
        foreach (var forged in new[] { $"{admin}.{parts[1]}.{parts[2]}", $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[2]}",
                     $"{parts[0]}.{parts[1]}.{parts[2][..^2]}AA", "garbage" })
        {
            var page = await Get(browser, "/fleet", "compliance-page=" + forged);
            page.StatusCode.ShouldBe(HttpStatusCode.Found, forged);
            page.Headers.Location!.ToString().ShouldBe("/fleet/sign-in");
        }
    }

    private async Task<string> SignInAsync(string key)
    {
        using var browser = api.ClientFor(null);
        var signedIn = await browser.PostAsync("/fleet/sign-in", Form(key));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.ToString().ShouldBe("/fleet");
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("compliance-page=", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    private static FormUrlEncodedContent Form(string key) => new([new KeyValuePair<string, string>("key", key)]);
}
