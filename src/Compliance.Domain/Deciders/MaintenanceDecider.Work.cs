using Compliance.Domain.Commands;
using Compliance.Domain.Events;
using Compliance.Domain.Versions;

namespace Compliance.Domain.Deciders;

public static partial class MaintenanceDecider
{
    /// <summary>
    /// An upgrade is recorded inside a started window. Versions are parsed by component kind (falling back to the
    /// component's product when the kind alone does not tell) and classified; an unparseable version is recorded with
    /// change kind Unknown rather than refused, so the ledger keeps what the operator saw.
    /// </summary>
    private static Decision Upgrade(RecordComponentUpgrade command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "upgrade");
        if (command.Component is null || Rules.IsBlank(command.Component.Product)) return Decision.Reject("upgraded component needs a product");
        if (Rules.IsBlank(command.FromVersion) || Rules.IsBlank(command.ToVersion)) return Decision.Reject("upgrade needs both the from and the to version");
        if (window.Upgrades.Any(u => u.Component == command.Component && u.FromVersion == command.FromVersion && u.ToVersion == command.ToVersion))
        {
            return Decision.Unchanged;
        }
        if (window.Status != WindowStatus.Started) return Decision.Reject($"upgrade outside a started window: {Describe(window)}");
        var from = Parse(command.Component, command.FromVersion);
        var to = Parse(command.Component, command.ToVersion);
        var kind = VersionChanges.Classify(from, to);
        return kind switch
        {
            ChangeKind.Downgrade => Decision.Reject(
                $"downgrade recorded as an upgrade: {command.Component.Product} {command.FromVersion} -> {command.ToVersion}"),
            ChangeKind.None => Decision.Reject(
                $"no change: {command.Component.Product} {command.FromVersion} and {command.ToVersion} are the same version"),
            _ => Decision.Accept(new ComponentUpgraded(
                command.ClusterId, command.WindowId, command.Component, command.FromVersion, command.ToVersion, kind, command.Now)),
        };
    }

    private static ObservedVersion Parse(ComponentRef component, string raw)
    {
        var parsed = VersionParser.Parse(component.Kind, raw);
        return parsed.IsKnown ? parsed : VersionParser.ParseForProduct(component.Product, raw);
    }

    /// <summary>The same node may be drained more than once in a window; an identical report is a repeat.</summary>
    private static Decision Drain(RecordNodeDrained command, MaintenanceState state)
    {
        if (state.Window(command.WindowId) is not { } window) return UnknownWindow(command.WindowId, "drain");
        if (Rules.IsBlank(command.Node)) return Decision.Reject("drained node name is required");
        if (command.Duration < TimeSpan.Zero) return Decision.Reject($"drain duration must not be negative, was {command.Duration}");
        if (window.Drains.Any(d => d.Node == command.Node && d.Duration == command.Duration && Rules.SameItems(d.Problems, command.Problems)))
        {
            return Decision.Unchanged;
        }
        if (window.Status != WindowStatus.Started) return Decision.Reject($"drain outside a started window: {Describe(window)}");
        return Decision.Accept(new NodeDrained(command.ClusterId, command.WindowId, command.Node, command.Duration, [.. command.Problems ?? []], command.Now));
    }

    /// <summary>An emergency id names one out-of-band patch; the same id with other data is a conflict.</summary>
    private static Decision Emergency(RecordEmergencyPatch command, MaintenanceState state)
    {
        if (Rules.IsBlank(command.EmergencyId)) return Decision.Reject("emergency id is required");
        if (state.Emergencies.TryGetValue(command.EmergencyId, out var existing))
        {
            var same = Rules.SameItems(existing.CveIds, command.CveIds) && Rules.SameItems(existing.Products, command.Products)
                && existing.StartedAt == command.StartedAt && existing.EndedAt == command.EndedAt;
            return same
                ? Decision.Unchanged
                : Decision.Reject($"emergency patch '{command.EmergencyId}' is already recorded with different data; use a new id");
        }
        if (command.CveIds is null || command.CveIds.Count == 0) return Decision.Reject("an emergency patch names the CVEs it fixes");
        var badIds = command.CveIds.Where(id => !Rules.IsCveId(id)).ToList();
        if (badIds.Count > 0) return Decision.Reject($"not a CVE id (CVE-YYYY-NNNN): {string.Join(", ", badIds.Select(id => $"'{id}'"))}");
        if (command.Products is null || command.Products.Count == 0 || command.Products.Any(Rules.IsBlank))
        {
            return Decision.Reject("an emergency patch names the products it changed");
        }
        if (command.EndedAt < command.StartedAt)
        {
            return Decision.Reject($"emergency patch ends ({command.EndedAt:u}) before it starts ({command.StartedAt:u})");
        }
        return Decision.Accept(new EmergencyPatchRecorded(
            command.ClusterId, command.EmergencyId, [.. command.CveIds], [.. command.Products], command.StartedAt, command.EndedAt, command.Now));
    }
}
