namespace Compliance.Host.Serve;

/// <summary>What the <c>serve</c> command line decides before configuration is read: where to listen and, when given, the data directory.</summary>
public sealed record ServeOptions(string Urls, string? Data = null)
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
}
