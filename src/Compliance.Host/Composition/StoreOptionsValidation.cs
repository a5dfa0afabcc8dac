using Compliance.Adapters.EventStoreDb;
using Microsoft.Extensions.Options;

namespace Compliance.Host.Composition;

/// <summary>One clear message per problem, checked at start-up.</summary>
internal sealed class StoreOptionsValidation : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var problems = new List<string>();
        var kind = options.Kind;
        if (!string.Equals(kind, StoreOptions.KindSqlite, StringComparison.OrdinalIgnoreCase) && !options.UsesEventStoreDb)
            problems.Add($"Compliance:Store:Kind '{kind}' is not Sqlite or EventStoreDb");
        if (options.UsesEventStoreDb)
        {
            var text = options.EventStoreDb.ConnectionString;
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add("Compliance:Store:EventStoreDb:ConnectionString must be set when Compliance:Store:Kind is EventStoreDb (e.g. esdb://localhost:2113?tls=false)");
            }
            else
            {
                try
                {
                    EsdbConnectionString.Parse(text);
                }
                catch (FormatException e)
                {
                    problems.Add($"Compliance:Store:EventStoreDb:ConnectionString: {e.Message}");
                }
            }

            try
            {
                EventStoreDbEventStore.ThrowIfNotALedgerStream(options.EventStoreDb.LedgerStream);
            }
            catch (ArgumentException e)
            {
                problems.Add($"Compliance:Store:EventStoreDb:LedgerStream: {(string.IsNullOrWhiteSpace(options.EventStoreDb.LedgerStream) ? "must be set (the default is compliance-ledger)" : e.Message)}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
