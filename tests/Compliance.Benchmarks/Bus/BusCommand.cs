using System.CommandLine;
using Compliance.Adapters.Sqlite.Events;
using Compliance.Adapters.Sqlite.ReadModels;

namespace Compliance.Benchmarks.Bus;

/// <summary><c>compliance-bench bus</c>: ingest through RabbitMQ and in memory into SQLite ledgers in a scratch folder, next to raw RabbitMQ.Client.</summary>
internal static class BusCommand
{
    public static Command Create(TextWriter output)
    {
        var host = new Option<string>("--host") { Description = "RabbitMQ host", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "RabbitMQ AMQP port", DefaultValueFactory = _ => 5672 };
        var vhost = new Option<string>("--vhost") { Description = "RabbitMQ virtual host", DefaultValueFactory = _ => "/" };
        var user = new Option<string>("--user") { Description = "RabbitMQ user", DefaultValueFactory = _ => "guest" };
        var password = new Option<string>("--password") { Description = "RabbitMQ password", DefaultValueFactory = _ => "guest" };
        var observations = new Option<int>("--observations") { Description = "Observations per ingest run", DefaultValueFactory = _ => 50_000 };
        var samples = new Option<int>("--latency-samples") { Description = "Observations timed to the read model", DefaultValueFactory = _ => 2_000 };
        var rate = new Option<int>("--latency-rate") { Description = "Observations per second while timing latency", DefaultValueFactory = _ => 100 };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder (default: the system temp folder); removed afterwards" };
        var bus = new Command("bus", "Observation ingest through RabbitMQ and in memory into the ledger, raw RabbitMQ.Client rate, observation-to-read-model latency")
        {
            host, port, vhost, user, password, observations, samples, rate, dir,
        };
        bus.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(root)) throw new UserError($"--dir: folder '{root}' does not exist");
            if (parse.GetValue(observations) < 1) throw new UserError("--observations: at least 1");
            if (parse.GetValue(samples) < 1) throw new UserError("--latency-samples: at least 1");
            if (parse.GetValue(rate) < 1) throw new UserError("--latency-rate: at least 1 per second");
            var scratch = Directory.CreateDirectory(Path.Combine(root, $"compliance-bench-bus-{Guid.NewGuid():N}")).FullName;
            try
            {
                var options = new BusBenchOptions(parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(vhost)!, parse.GetValue(user)!,
                    parse.GetValue(password)!, parse.GetValue(observations), parse.GetValue(samples), parse.GetValue(rate));
                await BusBench.RunAsync(options, () => Open(scratch), output, ct);
            }
            catch (BrokerUnreachableException e)
            {
                throw new UserError($"bus: {e.Message}");
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            return 0;
        });
        return bus;
    }

    private static BenchLedger Open(string scratch)
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, Guid.NewGuid().ToString("N"))).FullName;
        var store = new SqliteEventStore(Path.Combine(folder, "ledger.db"), TimeProvider.System);
        return new BenchLedger(store, new SqliteReadModelStore(Path.Combine(folder, "readmodels.db")), store.Dispose);
    }
}
