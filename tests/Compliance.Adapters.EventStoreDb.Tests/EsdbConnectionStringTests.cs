namespace Compliance.Adapters.EventStoreDb.Tests;

public sealed class EsdbConnectionStringTests
{
    [Fact]
    public void an_insecure_single_node_string_gives_plain_http2_on_its_port_without_gossip()
    {
        var settings = EsdbConnectionString.Parse("esdb://localhost:2113?tls=false");

        settings.Seeds.ShouldBe([new EsdbEndPoint("localhost", 2113)]);
        settings.Gossip.ShouldBeFalse();
        settings.AddressOf(settings.Seeds[0]).ShouldBe(new Uri("http://localhost:2113"));
        settings.Tls.ShouldBeFalse();
        settings.Username.ShouldBeNull();
        settings.Deadline.ShouldBe(EsdbSettings.DefaultDeadline);
        settings.MaxDiscoverAttempts.ShouldBe(EsdbSettings.DefaultMaxDiscoverAttempts);
    }

    [Fact]
    public void credentials_tls_and_a_deadline_are_read_and_tls_is_the_default()
    {
        var settings = EsdbConnectionString.Parse("esdb://admin:chan%40geit@db.example.test:2114?tlsVerifyCert=false&defaultDeadline=2500");

        settings.AddressOf(settings.Seeds[0]).ShouldBe(new Uri("https://db.example.test:2114"));
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
        EsdbConnectionString.Parse("esdb://eventstoredb?tls=false").Seeds.ShouldBe([new EsdbEndPoint("eventstoredb", 2113)]);
    }

    [Fact]
    public void several_hosts_are_a_cluster_found_through_their_gossip()
    {
        var settings = EsdbConnectionString.Parse("esdb://admin:changeit@a.example.test:2111,b.example.test:2112,c.example.test?tls=false&nodePreference=leader");

        settings.Gossip.ShouldBeTrue();
        settings.Seeds.ShouldBe([new EsdbEndPoint("a.example.test", 2111), new EsdbEndPoint("b.example.test", 2112), new EsdbEndPoint("c.example.test", 2113)]);
        settings.Username.ShouldBe("admin");
    }

    [Fact]
    public void discover_asks_the_named_host_for_the_cluster_and_takes_the_discovery_settings()
    {
        var settings = EsdbConnectionString.Parse("esdb+discover://cluster.example.test:2113?maxDiscoverAttempts=20&discoveryInterval=250&gossipTimeout=3000");

        settings.Gossip.ShouldBeTrue();
        settings.Seeds.ShouldBe([new EsdbEndPoint("cluster.example.test", 2113)]);
        settings.MaxDiscoverAttempts.ShouldBe(20);
        settings.DiscoveryInterval.ShouldBe(TimeSpan.FromMilliseconds(250));
        settings.GossipTimeout.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("http://localhost:2113", "must start with esdb:// or esdb+discover://")]
    [InlineData("esdb://a:2113,,c:2113", "an empty host in the list of hosts")]
    [InlineData("esdb://localhost:99999", "port '99999' is not a number from 1 to 65535")]
    [InlineData("esdb://localhost:abc", "port 'abc'")]
    [InlineData("esdb://localhost?tls=maybe", "tls must be true or false (got 'maybe')")]
    [InlineData("esdb://localhost?tls", "setting 'tls' has no value")]
    [InlineData("esdb://localhost?nodePreference=follower", "nodePreference 'follower' is not supported; the ledger reads and writes through the leader only")]
    [InlineData("esdb://localhost?keepAlive=5", "unknown setting 'keepAlive'")]
    [InlineData("esdb://localhost?defaultDeadline=-5", "defaultDeadline must be a positive number")]
    [InlineData("esdb://localhost?maxDiscoverAttempts=0", "maxDiscoverAttempts must be a positive number")]
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
