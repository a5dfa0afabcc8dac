namespace Compliance.Adapters.Pdf.Tests;

/// <summary>One seeded ledger shared by every test class that reads it (writing it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SeededCollection : ICollectionFixture<SeededLedger>
{
    public const string Name = "seeded ledger";
}
