namespace Compliance.Host.Serve;

/// <summary>
/// What the <c>serve</c> command line decides before configuration is read: where to listen, when given the data
/// directory and the store (--store, as every CLI command takes it), whether the adapters (bus, watchers) run, and
/// --verbose (Debug logging and stack traces).
/// </summary>
public sealed record ServeOptions(string Urls, string? Data = null, bool Adapters = true, string? Store = null, bool Verbose = false)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
