using Compliance.Application.ReadModels;
using Compliance.Application.Store;

namespace Compliance.Benchmarks.Bus;

/// <summary>A fresh ledger and read models for one benchmark phase (the SQLite store adapter, opened in a scratch folder).</summary>
internal sealed record BenchLedger(IEventStore Store, IReadModelStore ReadModels, Action Close);
