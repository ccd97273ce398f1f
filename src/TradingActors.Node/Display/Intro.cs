using Spectre.Console;
using Spectre.Console.Rendering;
using TradingActors.Node.Configuration;
using TradingActors.Node.Simulation;

namespace TradingActors.Node.Display;

/// <summary>What the node prints when it has started: where things are, and what is going to happen.</summary>
internal static class Intro
{
    public static IRenderable Render(NodeConfiguration configuration, DemoNode node, TimeSpan duration)
    {
        var lines = new List<string>
        {
            $"TradingActors demo node, configured by {configuration.Source}",
            $"HTTP on {Figures.Address(node.HttpAddress)}: GET /status /health /metrics, POST /admin/exchanges/<name>/isolate|reset",
        };
        if (node.ClusterAddress is { } address)
            lines.Add(node.Simulator is null
                ? $"Cluster node {address}: trading on the simulated exchanges of the node it joined"
                : $"Cluster node {address}: another node joins with  dotnet run --project src/TradingActors.Node -- --join {address}");
        if (node.Simulator is { } simulator && configuration.Simulator is { } options)
        {
            lines.Add("Simulated exchanges: " + string.Join(", ", simulator.Exchanges.Values.Select(e => $"{e.Name} {Figures.Address(e.BaseAddress)}")));
            lines.AddRange(options.Schedule.Select(fault =>
                $"  at {Figures.Seconds(fault.At)}: {fault.Exchange} {FaultText.Describe(fault.Faults)} for {Figures.Seconds(fault.Duration)}"));
        }
        lines.Add(duration > TimeSpan.Zero
            ? $"Runs for {Figures.Seconds(duration)}, then prints a summary (Ctrl+C stops it sooner)."
            : "Runs until Ctrl+C, then prints a summary.");
        return new Rows(lines.Select(line => new Text(line)));
    }
}
