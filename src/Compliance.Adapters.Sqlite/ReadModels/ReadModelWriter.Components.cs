using Compliance.Domain.Verdicts;
using Microsoft.Data.Sqlite;

namespace Compliance.Adapters.Sqlite.ReadModels;

/// <summary>The component rows written for one cluster: the intervals (a copy: the fold's list keeps growing) and their row ids.</summary>
internal sealed record WrittenComponents(ComponentInterval[] Components, long[] RowIds);

internal sealed partial class ReadModelWriter
{
    /// <summary>
    /// Writes the component rows; with <paramref name="previous"/>, only where they differ from it position by position
    /// (the fold appends intervals and closes them in place), deleting the replaced rows by row id.
    /// </summary>
    private WrittenComponents WriteComponents(string id, IReadOnlyList<ComponentInterval> components, WrittenComponents? previous)
    {
        var rowIds = new long[components.Count];
        using var delete = Prepare("DELETE FROM components WHERE rowid = $row", "$row");
        using var insert = Prepare("""
            INSERT INTO components (cluster_id, component_id, kind, node, raw, product, cycle, version_key, normalized, flavour, unknown_reason, build,
                                    maintained_product, maintained_cycle, maintained_reason, valid_from, valid_to, ev_stream, ev_revision, ev_position)
            VALUES ($id, $component, $kind, $node, $raw, $product, $cycle, $key, $normalized, $flavour, $unknown, $build,
                    $mproduct, $mcycle, $mreason, $from, $to, $stream, $revision, $position)
            RETURNING rowid
            """, "$id", "$component", "$kind", "$node", "$raw", "$product", "$cycle", "$key", "$normalized", "$flavour", "$unknown", "$build",
            "$mproduct", "$mcycle", "$mreason", "$from", "$to", "$stream", "$revision", "$position");
        for (var k = 0; k < components.Count; k++)
        {
            var x = components[k];
            if (previous is not null && k < previous.Components.Length)
            {
                if (previous.Components[k].Equals(x))
                {
                    rowIds[k] = previous.RowIds[k];
                    continue;
                }

                Bind(delete, previous.RowIds[k]);
            }

            var v = x.Version;
            rowIds[k] = BindReturningRowId(insert, id, x.ComponentId, x.Kind.ToString(), x.Node, v.Raw, v.Product, v.Cycle, v.Key.ToString(), v.Normalized,
                (object?)v.Flavour?.ToString() ?? DBNull.Value, (object?)v.UnknownReason ?? DBNull.Value, (object?)v.Build ?? DBNull.Value,
                (object?)v.MaintainedBy?.Product ?? DBNull.Value, (object?)v.MaintainedBy?.Cycle ?? DBNull.Value,
                (object?)v.MaintainedBy?.UnknownReason ?? DBNull.Value, x.From.UtcTicks, Ticks.Of(x.To), x.Evidence.Stream, x.Evidence.Revision, x.Evidence.Position);
        }

        for (var k = components.Count; k < (previous?.Components.Length ?? 0); k++) Bind(delete, previous!.RowIds[k]);
        return new WrittenComponents([.. components], rowIds);
    }
}
