namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class EsdbConnectionStringTests
{
    [Fact]
    public void an_insecure_single_node_string_gives_plain_http2_on_its_port()
    {
        var settings = EsdbConnectionString.Parse("esdb://localhost:2113?tls=false");

        settings.Address.ShouldBe(new Uri("http://localhost:2113"));
        settings.Tls.ShouldBeFalse();
        settings.Username.ShouldBeNull();
        settings.Deadline.ShouldBe(EsdbSettings.DefaultDeadline);
    }

    [Fact]
    public void credentials_tls_and_a_deadline_are_read_and_tls_is_the_default()
    {
        var settings = EsdbConnectionString.Parse("esdb://admin:chan%40geit@db.example.test:2114?tlsVerifyCert=false&defaultDeadline=2500");

        settings.Address.ShouldBe(new Uri("https://db.example.test:2114"));
        settings.Tls.ShouldBeTrue();
        settings.TlsVerifyCert.ShouldBeFalse();
        settings.Username.ShouldBe("admin");
        settings.Password.ShouldBe("chan@geit");
        settings.Deadline.ShouldBe(TimeSpan.FromMilliseconds(2500));
        settings.ToString().ShouldNotContain("chan");
    }

    [Fact]
    public void the_port_defaults_to_2113()
    {
        EsdbConnectionString.Parse("esdb://eventstoredb?tls=false").Address.ShouldBe(new Uri("http://eventstoredb:2113"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("http://localhost:2113", "must start with esdb://")]
    [InlineData("esdb+discover://cluster.example.test:2113", "cluster gossip) is not supported")]
    [InlineData("esdb://a:2113,b:2113,c:2113", "several hosts")]
    [InlineData("esdb://localhost:99999", "port '99999' is not a number from 1 to 65535")]
    [InlineData("esdb://localhost:abc", "port 'abc'")]
    [InlineData("esdb://localhost?tls=maybe", "tls must be true or false (got 'maybe')")]
    [InlineData("esdb://localhost?tls", "setting 'tls' has no value")]
    [InlineData("esdb://localhost?nodePreference=leader", "unknown setting 'nodePreference'")]
    [InlineData("esdb://localhost?defaultDeadline=-5", "defaultDeadline must be a positive number")]
    [InlineData("esdb://admin@localhost", "credentials must be user:password@")]
    [InlineData("esdb://?tls=false", "no host")]
    public void a_bad_string_is_refused_with_what_is_wrong(string text, string expected)
    {
        var error = Should.Throw<FormatException>(() => EsdbConnectionString.Parse(text));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void an_error_never_shows_the_password()
    {
        var error = Should.Throw<FormatException>(() => EsdbConnectionString.Parse("mysql://admin:s3cret@localhost"));

        error.Message.ShouldNotContain("s3cret");
        error.Message.ShouldContain("admin:***@localhost");
    }
}
