using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Node;

/// <summary>A small trader: on every tick it asks each exchange for a price, and every fourth tick it buys a little.</summary>
internal sealed class TradingLoop(IActorRef registry, IEnumerable<string> exchanges, NodeSettings settings)
{
    private int _orders;

    public async Task RunAsync(CancellationToken cancellation = default)
    {
        using var timer = new PeriodicTimer(settings.Tick);
        var ticks = (int)(settings.Duration / settings.Tick);
        for (var tick = 1; tick <= ticks && await timer.WaitForNextTickAsync(cancellation); tick++)
            foreach (var exchange in exchanges)
            {
                _ = registry.Ask<ExchangeReply>(new GetPrice(exchange, settings.Symbol), cancellation);
                if (tick % 4 == 0)
                    _ = registry.Ask<ExchangeReply>(new PlaceOrder(exchange, settings.Symbol, OrderSide.Buy, 0.01, null,
                        $"demo-{Interlocked.Increment(ref _orders)}"), cancellation);
            }
    }
}
