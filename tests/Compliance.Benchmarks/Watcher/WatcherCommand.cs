using System.CommandLine;
namespace Compliance.Benchmarks.Watcher;

/// <summary>
/// <c>compliance-bench watcher</c>: the Kubernetes watcher against a simulated cluster (a benchmark, not a test), and the
/// hidden <c>watcher agent</c> it starts as the measured process.
/// </summary>
internal static class WatcherCommand
{
    public static Command Create(TextWriter output)
    {
        var nodes = new Option<int>("--nodes") { Description = "Nodes in the simulated cluster", DefaultValueFactory = _ => 5_000 };
        var pods = new Option<int>("--pods") { Description = "Pods in the simulated cluster", DefaultValueFactory = _ => 20_000 };
        var rate = new Option<int>("--rate") { Description = "Node changes per second", DefaultValueFactory = _ => 100 };
        var seconds = new Option<int>("--seconds") { Description = "How long each run makes changes", DefaultValueFactory = _ => 60 };
        var change = new Option<string>("--change") { Description = "What a node change is: version (kubelet patch flips) or annotation (kured reboot-needed toggles)", DefaultValueFactory = _ => "version" };
        var runs = new Option<string>("--runs") { Description = "Which runs: both, watcher (alone) or ledger (through ledger and projections)", DefaultValueFactory = _ => "both" };
        var dir = new Option<string?>("--dir") { Description = "Scratch folder for the ledger (default: the system temp folder); removed afterwards" };
        var watcher = new Command("watcher", "Kubernetes watcher on a simulated cluster: peak memory, CPU, change-to-read-model latency") { nodes, pods, rate, seconds, change, runs, dir };
        watcher.SetAction(async (parse, ct) =>
        {
            var scratch = parse.GetValue(dir) ?? Path.GetTempPath();
            if (!Directory.Exists(scratch)) throw new UserError($"--dir: folder '{scratch}' does not exist");
            if (parse.GetValue(nodes) < 1) throw new UserError("--nodes: at least 1");
            if (parse.GetValue(pods) < 0) throw new UserError("--pods: not negative");
            if (parse.GetValue(rate) < 1) throw new UserError("--rate: at least 1");
            if (parse.GetValue(seconds) < 1) throw new UserError("--seconds: at least 1");
            var versions = parse.GetValue(change) switch
            {
                "version" => true,
                "annotation" => false,
                var other => throw new UserError($"--change: 'version' or 'annotation', not '{other}'"),
            };
            bool[] which = parse.GetValue(runs) switch
            {
                "both" => [false, true],
                "watcher" => [false],
                "ledger" => [true],
                var other => throw new UserError($"--runs: 'both', 'watcher' or 'ledger', not '{other}'"),
            };
            await WatcherBench.RunAsync(parse.GetValue(nodes), parse.GetValue(pods), parse.GetValue(rate), parse.GetValue(seconds), versions, which, scratch, output, ct);
            return 0;
        });

        var kubeconfig = new Option<string>("--kubeconfig") { Required = true };
        var folder = new Option<string>("--dir") { Required = true };
        var mode = new Option<string>("--mode") { Required = true };
        var agentNodes = new Option<int>("--nodes") { Required = true };
        var agent = new Command("agent", "The measured process of 'watcher'") { kubeconfig, folder, mode, agentNodes };
        agent.Hidden = true;
        agent.SetAction((parse, ct) => WatcherBenchAgent.RunAsync(parse.GetValue(kubeconfig)!, parse.GetValue(folder)!, parse.GetValue(mode) == "ledger",
            parse.GetValue(agentNodes), output, ct));
        watcher.Subcommands.Add(agent);
        return watcher;
    }
}
