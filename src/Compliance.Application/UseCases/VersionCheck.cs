using Compliance.Application.Catalog;
using Compliance.Application.UseCases.Requests;
using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Policies;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;

namespace Compliance.Application.UseCases;

/// <summary>The EOL verdict for any version string, from the shipped catalog: no store involved (for CI pipelines and the CLI).</summary>
public sealed class VersionCheck(TimeProvider time)
{
    private readonly CheckQueryValidator validator = new();

    public async Task<Answer<CheckResponse>> CheckAsync(CheckQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = (await validator.ValidateAsync(query, ct)).Errors;
        if (errors.Count > 0)
            return Problem.Invalid(errors.GroupBy(e => CommandPipeline.FieldName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        var day = QueryRules.Day(query.AsOf, Days.Of(time.GetUtcNow()));
        var parsed = query.Product is null ? VersionParser.Infer(query.Version!) : VersionParser.ParseForProduct(query.Product, query.Version!);
        var a = EolRisk.Assess(parsed, CatalogSnapshot.Embedded.Catalog, MaintenancePolicy.Default, day);
        return new CheckResponse(query.Version!, a.Cycle?.Product ?? parsed.Product, parsed.Normalized, a.Cycle?.Cycle ?? parsed.Cycle, day, a.Level, a.Note,
            a.ActiveSupport, a.StandardSupport, a.ExtendedSupport, a.PatchesBehind, a.OldestMissingPatchAgeDays, a.LatestPatch);
    }
}
