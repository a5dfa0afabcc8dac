using Compliance.Application.ReadModels;
using Compliance.Application.Store;

namespace Compliance.Adapters.Messaging.Bench;

/// <summary>A fresh ledger and read models for one benchmark phase (the host opens its real store adapter).</summary>
public sealed record BenchLedger(IEventStore Store, IReadModelStore ReadModels, Action Close);
