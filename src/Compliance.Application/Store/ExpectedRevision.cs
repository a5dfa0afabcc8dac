namespace Compliance.Application.Store;

/// <summary>What the writer believes about a stream before appending (EventStoreDB's model).</summary>
public abstract record ExpectedRevision
{
    private ExpectedRevision() { }

    public static ExpectedRevision Any { get; } = new AnyRevision();
    public static ExpectedRevision NoStream { get; } = new NoStreamRevision();
    public static ExpectedRevision StreamExists { get; } = new StreamExistsRevision();
    public static ExpectedRevision Exact(long revision) => new ExactRevision(revision);

    /// <summary>Exact when the stream has events (revision of its last one), NoStream otherwise.</summary>
    public static ExpectedRevision From(long? lastRevision) => lastRevision is { } r ? Exact(r) : NoStream;

    /// <summary>Whether a stream whose last revision is <paramref name="actual"/> (null: no stream) meets this expectation.</summary>
    public bool IsMetBy(long? actual) => this switch
    {
        AnyRevision => true,
        NoStreamRevision => actual is null,
        StreamExistsRevision => actual is not null,
        ExactRevision exact => actual == exact.Revision,
        _ => throw new InvalidOperationException($"unknown expected revision {this}"),
    };

    public sealed record AnyRevision : ExpectedRevision { public override string ToString() => "any"; }
    public sealed record NoStreamRevision : ExpectedRevision { public override string ToString() => "no stream"; }
    public sealed record StreamExistsRevision : ExpectedRevision { public override string ToString() => "stream exists"; }
    public sealed record ExactRevision(long Revision) : ExpectedRevision { public override string ToString() => Revision.ToString(System.Globalization.CultureInfo.InvariantCulture); }
}
