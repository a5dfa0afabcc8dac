namespace Compliance.Domain.Versions;

/// <summary>How two versions of one component differ.</summary>
public enum ChangeKind
{
    /// <summary>Same version.</summary>
    None,
    /// <summary>Same cycle, newer version: security and bug fixes.</summary>
    Patch,
    /// <summary>Newer cycle, backwards compatible.</summary>
    Minor,
    /// <summary>Breaking for application developers.</summary>
    Major,
    /// <summary>The target is older than the source.</summary>
    Downgrade,
    /// <summary>One side is not a known version, or they are different products.</summary>
    Unknown,
}
