using Compliance.Domain.Versions;
using FsCheck.Xunit;

namespace Compliance.Domain.Tests.Versions;

[Properties(Arbitrary = [typeof(VersionGenerators)], MaxTest = 300)]
public sealed class VersionKeyProperties
{
    [Property]
    public bool ordering_is_reflexive(VersionKey key) => key.CompareTo(key) == 0 && key.Equals(key);

    [Property]
    public bool ordering_is_antisymmetric(VersionKey a, VersionKey b) => Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));

    [Property]
    public bool ordering_is_transitive(VersionKey a, VersionKey b, VersionKey c) =>
        !(a <= b && b <= c) || a <= c;

    [Property]
    public bool ordering_is_total(VersionKey a, VersionKey b) =>
        new[] { a < b, a == b, a > b }.Count(x => x) == 1;

    [Property]
    public bool equal_keys_have_equal_hash_codes(VersionKey a, VersionKey b) =>
        a != b || a.GetHashCode() == b.GetHashCode();

    [Property]
    public bool trailing_zeros_do_not_change_a_key(VersionKey key) =>
        key.IsEmpty || (new VersionKey([.. key.Parts, 0, 0]) == key && new VersionKey([.. key.Parts, 0]).GetHashCode() == key.GetHashCode());

    [Property]
    public bool the_empty_key_sorts_first(VersionKey key) => key.IsEmpty || VersionKey.Empty < key;
}
