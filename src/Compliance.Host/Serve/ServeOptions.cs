namespace Compliance.Host.Serve;

/// <summary>
/// What the <c>serve</c> command line decides before configuration is read: where to listen, when given the data
/// directory, and whether the adapters (bus, watchers) run; the CLI's local API runs without them.
/// </summary>
public sealed record ServeOptions(string Urls, string? Data = null, bool Adapters = true)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
