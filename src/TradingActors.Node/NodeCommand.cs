using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Node.Configuration;

namespace TradingActors.Node;

/// <summary>The node's command line: its flags, and the exit code of each way a run can end.</summary>
public static class NodeCommand
{
    public const int Stopped = 0;
    public const int CannotStart = 2;

    // Long enough to answer every request in flight (bounded by the call timeouts) and stop the actor system.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(30);

    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new Option<FileInfo>("--config")
        {
            Description = "A HOCON file to read instead of hocon/node.conf (over the engine's reference configuration)",
            HelpName = "file",
        }.AcceptExistingOnly();
        var noSim = new Option<bool>("--no-sim")
        {
            Description = "Start no simulator: reach the exchanges at the endpoints of the configuration",
        };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "How long to run before the summary, such as 90s or 5m; 0 runs until Ctrl+C (default: node.duration)",
            HelpName = "time",
            CustomParser = ParseDuration,
        };
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Start a cluster on loopback (hocon/cluster.conf over the configuration): this node on 127.0.0.1:4053, "
                          + "its simulated exchanges on their configured ports, for the nodes that --join it",
        };
        var join = new Option<string?>("--join")
        {
            Description = "Join the cluster of the node at this address, such as akka.tcp://trading@127.0.0.1:4053, and trade on "
                          + "its simulated exchanges (no simulator of its own; free cluster and HTTP ports)",
            HelpName = "address",
            CustomParser = ParseAddress,
        };
        var rateBudgets = new Option<bool>("--rate-budgets")
        {
            Description = "Keep within every exchange's rate limits (trading.endpoint-defaults.rate-budget = on): a request that "
                          + "would earn a rate-limit refusal or a ban is answered RateBudgetExhausted, unsent, instead",
        };
        var root = new RootCommand("The TradingActors demo node: simulated exchanges with faults, the engine, a trader and a live dashboard")
        {
            config, noSim, duration, cluster, join, rateBudgets,
        };
        var stderr = error ?? Console.Error;
        root.SetAction(async (parsed, interrupt) =>
        {
            try
            {
                var joining = parsed.GetValue(join);
                var clustering = joining is not null || parsed.GetValue(cluster) ? new NodeClustering(joining) : null;
                var configuration = NodeConfiguration.Load(parsed.GetValue(config)?.FullName,
                    withSimulator: !parsed.GetValue(noSim) && joining is null, Environment.GetEnvironmentVariable, clustering,
                    parsed.GetValue(rateBudgets));
                return await NodeRun.RunAsync(configuration, parsed.GetValue(duration), interrupt);
            }
            // A bad value, an unreadable file, a port in use: the message says it all, a stack trace would bury it.
            catch (Exception e) when (e is SettingsException or NodeStartException or IOException)
            {
                await stderr.WriteLineAsync($"Cannot start: {e.Message}");
                return CannotStart;
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                return Stopped;
            }
        });
        return root.Parse(args).InvokeAsync(new InvocationConfiguration
        {
            ProcessTerminationTimeout = ShutdownGrace,
            Output = output ?? Console.Out,
            Error = stderr,
        });
    }

    private static string? ParseAddress(ArgumentResult result)
    {
        var raw = result.Tokens.Single().Value;
        if (Akka.Actor.ActorPath.TryParseAddress(raw, out var address) && address.Port is > 0)
            return raw;
        result.AddError($"--join {raw}: expected a node's address, such as akka.tcp://trading@127.0.0.1:4053");
        return null;
    }

    // The configuration's own duration syntax (250ms, 30s, 5m), so the flag and the file agree.
    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var raw = result.Tokens.Single().Value;
        try
        {
            var text = ConfigurationFactory.ParseString($"node.duration = {JsonSerializer.Serialize(raw)}");
            return new SettingsReader(text, "node").Duration("duration", zeroAllowed: true);
        }
        catch (SettingsException e)
        {
            result.AddError($"--duration {raw}: {e.Problem} (0 runs until Ctrl+C)");
            return null;
        }
    }
}
