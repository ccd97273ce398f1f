using System.Diagnostics;
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
        Serilog.Log.Logger = NodeConsole.Log(terminal);
        var console = NodeConsole.Create(terminal);

        await using var node = await DemoNode.StartAsync(configuration, interrupt);
        var running = Stopwatch.StartNew();
        console.Write(Intro.Render(configuration, node, runFor));

        using var run = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        if (runFor > TimeSpan.Zero)
            run.CancelAfter(runFor);
        INodeDisplay display = terminal
            ? new LiveDashboard(console, configuration.Node.Refresh, $"TradingActors demo node, HTTP {node.HttpAddress}", runFor)
            : new PlainStatusLog(configuration.Node.StatusInterval);
        await display.ShowAsync(node.SnapshotAsync, run.Token);

        var last = await node.StopAsync();
        console.Write(Summary.Render(last, running.Elapsed, NodeConsole.Border(terminal)));
        return 0;
    }
}
