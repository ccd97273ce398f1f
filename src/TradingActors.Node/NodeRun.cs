using System.Diagnostics;
using Spectre.Console;
using TradingActors.Node.Configuration;
using TradingActors.Node.Display;

namespace TradingActors.Node;

/// <summary>One run of the node: start, show, stop after the duration or on Ctrl+C, summarise.</summary>
internal static class NodeRun
{
    /// <param name="duration">Overrides node.duration; zero runs until <paramref name="interrupt"/>.</param>
    public static async Task<int> RunAsync(NodeConfiguration configuration, TimeSpan? duration, CancellationToken interrupt)
    {
        var runFor = duration ?? configuration.Node.Duration;
        var terminal = NodeConsole.IsTerminal;
        var log = new LogAfterIntro(NodeConsole.Log(terminal));
        Serilog.Log.Logger = new Serilog.LoggerConfiguration().WriteTo.Sink(log).CreateLogger();
        var console = NodeConsole.Create(terminal);

        await using var node = await StartAsync(configuration, console, log, runFor, interrupt);
        var running = Stopwatch.StartNew();

        using var run = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (runFor > TimeSpan.Zero)
            run.CancelAfter(runFor);
        INodeDisplay display = terminal
            ? new LiveDashboard(console, configuration.Node.Refresh, $"TradingActors demo node, HTTP {Figures.Address(node.HttpAddress)}", runFor)
            : new PlainStatusLog(configuration.Node.StatusInterval);
        await display.ShowAsync(node.SnapshotAsync, run.Token);

        var last = await node.StopAsync();
        console.Write(Summary.Render(last, running.Elapsed, NodeConsole.Border(terminal)));
        return 0;
    }

    /// <summary>Starts the node and prints its intro before any line the engine logged while it started.</summary>
    private static async Task<DemoNode> StartAsync(
        NodeConfiguration configuration, IAnsiConsole console, LogAfterIntro log, TimeSpan runFor, CancellationToken interrupt)
    {
        try
        {
            var node = await DemoNode.StartAsync(configuration, interrupt);
            console.Write(Intro.Render(configuration, node, runFor));
            return node;
        }
        finally
        {
            log.Release();
        }
    }
}
