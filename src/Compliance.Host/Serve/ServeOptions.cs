namespace Compliance.Host.Serve;

/// <summary>
/// What the <c>serve</c> command line decides before configuration is read: where to listen, when given the data
/// directory and the store (--store, as every CLI command takes it), and whether the adapters (bus, watchers) run.
/// </summary>
public sealed record ServeOptions(string Urls, string? Data = null, bool Adapters = true, string? Store = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
