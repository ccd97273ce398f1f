using Serilog;
using TradingActors.Breaker;
using TradingActors.MarketData;

namespace TradingActors.Node.Display;

/// <summary>
/// Without a terminal (piped, CI): a status line per exchange every <paramref name="interval"/>, between
/// the engine's own log lines of transitions and alerts. No control codes, nothing redrawn.
/// </summary>
internal sealed class PlainStatusLog(TimeSpan interval) : INodeDisplay
{
    public async Task ShowAsync(Func<CancellationToken, Task<NodeSnapshot>> snapshot, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = await snapshot(CancellationToken.None);
                foreach (var status in now.Exchanges)
                    Log.Information("{Status:l}", Line(status, now));
                foreach (var feed in now.Feeds)
                    Log.Information("{Status:l}", Line(feed, now));
                foreach (var orders in now.Orders)
                    Log.Information("{Status:l}", OrderTable.Line(orders));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static string Line(CircuitBreaker.Status status, NodeSnapshot now)
    {
        var m = status.Metrics;
        var halfOpensIn = Figures.HalfOpensIn(status, now.At) is { Length: > 0 } wait ? $" half-opens in {wait}" : "";
        var fault = now.Faults.GetValueOrDefault(status.Exchange) is { Length: > 0 } simulated ? $", simulated fault: {simulated}" : "";
        var node = status.Node is null ? "" : $", on {Figures.HostedOn(status)}";
        return $"{status.Exchange,-8} {status.State,-8}{halfOpensIn} ({Figures.Window(status)}): {Figures.RequestFigures(status)}, success {Figures.SuccessRate(status)}, " +
               $"p50 {Figures.Time(m.P50)}, p99 {Figures.Time(m.P99)}, fallbacks served {now.FallbacksServed.GetValueOrDefault(status.Exchange)}{node}{fault}";
    }

    private static string Line(MarketFeed.Status feed, NodeSnapshot now)
    {
        var c = feed.Counts;
        return $"feed {feed.Exchange,-8} {feed.State,-12} {Figures.Endpoint(feed)} for {Figures.Seconds(now.At - feed.Since)}: " +
               $"ticks {c.Ticks}, gaps {c.Gaps} ({c.MissedTicks} missed), reconnects {c.Reconnects}, failovers {c.Failovers}, " +
               $"returns {c.PrimaryReturns}; {Figures.LastPrices(feed)}";
    }
}
