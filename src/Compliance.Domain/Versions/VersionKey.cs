namespace Compliance.Domain.Versions;

/// <summary>
/// A version as a sequence of whole numbers, compared element by element; a missing element counts as zero
/// (so 1.29 == 1.29.0). The empty key is the key of an unknown version and sorts before every other key.
/// </summary>
public readonly struct VersionKey : IEquatable<VersionKey>, IComparable<VersionKey>
{
    private readonly long[]? parts;

    public VersionKey(params long[] parts) => this.parts = parts.Length == 0 ? null : (long[])parts.Clone();

    public static VersionKey Empty => default;

    public IReadOnlyList<long> Parts => parts ?? [];

    public bool IsEmpty => parts is null;

    public long this[int index] => parts is not null && index < parts.Length ? parts[index] : 0;

    public int Length => parts?.Length ?? 0;

    public int CompareTo(VersionKey other)
    {
        if (IsEmpty || other.IsEmpty) return IsEmpty == other.IsEmpty ? 0 : IsEmpty ? -1 : 1;
        var n = Math.Max(Length, other.Length);
        for (var i = 0; i < n; i++)
        {
            var cmp = this[i].CompareTo(other[i]);
            if (cmp != 0) return cmp;
        }
        return 0;
    }

    public bool Equals(VersionKey other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is VersionKey other && Equals(other);

    public override int GetHashCode()
    {
        if (parts is null) return 0;
        var last = parts.Length - 1;
        while (last > 0 && parts[last] == 0) last--;
        var hash = new HashCode();
        for (var i = 0; i <= last; i++) hash.Add(parts[i]);
        return hash.ToHashCode();
    }

    public override string ToString() => parts is null ? "" : string.Join('.', parts);

    public static bool operator ==(VersionKey left, VersionKey right) => left.Equals(right);
    public static bool operator !=(VersionKey left, VersionKey right) => !left.Equals(right);
    public static bool operator <(VersionKey left, VersionKey right) => left.CompareTo(right) < 0;
    public static bool operator >(VersionKey left, VersionKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(VersionKey left, VersionKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(VersionKey left, VersionKey right) => left.CompareTo(right) >= 0;
}
