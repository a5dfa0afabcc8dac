namespace Compliance.Application.CatalogRefresh;

/// <summary>A release feed answered, but not in the shape expected; the message names the URL and what was wrong.</summary>
public sealed class CatalogFeedException(string message) : Exception(message);
