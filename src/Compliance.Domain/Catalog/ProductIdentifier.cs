namespace Compliance.Domain.Catalog;

/// <summary>The naming schemes endoflife.date lists for a product.</summary>
public enum IdentifierKind
{
    /// <summary>A package URL (<c>pkg:docker/library/postgres</c>).</summary>
    Purl,

    /// <summary>A CPE name, 2.2 or 2.3 (<c>cpe:2.3:a:postgresql:postgresql</c>).</summary>
    Cpe,

    /// <summary>A Repology project name (<c>postgresql</c>).</summary>
    Repology,
}

/// <summary>One name a product is known by elsewhere (package registries, image registries, vulnerability feeds).</summary>
public sealed record ProductIdentifier(IdentifierKind Kind, string Value);
