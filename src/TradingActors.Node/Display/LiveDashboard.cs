using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TradingActors.Node.Display;

/// <summary>The terminal dashboard, redrawn in place every <paramref name="refresh"/>.</summary>
/// <param name="duration">How long the node runs; zero: until Ctrl+C.</param>
internal sealed class LiveDashboard(IAnsiConsole console, TimeSpan refresh, string title, TimeSpan duration) : INodeDisplay
{
    public async Task ShowAsync(Func<CancellationToken, Task<NodeSnapshot>> snapshot, CancellationToken stop)
    {
        var running = Stopwatch.StartNew();
        await console.Live(new Text("")).StartAsync(async live =>
        {
            while (!stop.IsCancellationRequested)
            {
                live.UpdateTarget(Render(await snapshot(CancellationToken.None), running.Elapsed));
                await Task.Delay(refresh, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });
    }

    private IRenderable Render(NodeSnapshot snapshot, TimeSpan elapsed)
    {
        var clock = duration > TimeSpan.Zero
            ? $"{Figures.Seconds(elapsed)} of {Figures.Seconds(duration)}"
            : $"{Figures.Seconds(elapsed)}, Ctrl+C stops";
        return new Rows(
            new Markup($"[bold]{Markup.Escape(title)}[/]  [grey]{clock}, {snapshot.AlertsRaised} alerts[/]"),
            ExchangeTable.Render(snapshot),
            FeedTable.Render(snapshot),
            OrderTable.Render(snapshot, TableBorder.Rounded),
            EventList.Render(snapshot));
    }
}
