using Compliance.Domain.Catalog;

namespace Compliance.Application.Catalog;

/// <summary>Identifier kinds as endoflife.date and the snapshot spell them (purl, cpe, repology).</summary>
internal static class CatalogIdentifiers
{
    public const string Kinds = "purl, cpe or repology";

    public static IdentifierKind? KindOf(string spelled) => spelled switch
    {
        "purl" => IdentifierKind.Purl,
        "cpe" => IdentifierKind.Cpe,
        "repology" => IdentifierKind.Repology,
        _ => null,
    };
}
