using TradingActors.Breaker;
using TradingActors.MarketData;
using TradingActors.Node.Events;
using TradingActors.Orders;

namespace TradingActors.Node.Display;

/// <summary>
/// What the node shows at one moment. A part of the engine that gets its own rows on the dashboard
/// adds its figures here and a table of its own beside <see cref="ExchangeTable"/>, as the feeds do.
/// </summary>
/// <param name="FallbacksServed">Per exchange, the requests it answered for another exchange.</param>
/// <param name="Faults">Per exchange, the simulated faults in force; empty without the in-process simulator.</param>
/// <param name="Events">The latest transitions and alerts, the latest first.</param>
/// <param name="Orders">The order ledger's orders per exchange: in flight, open, unknown, reconciled, needing attention.</param>
public sealed record NodeSnapshot(
    DateTimeOffset At,
    IReadOnlyList<CircuitBreaker.Status> Exchanges,
    IReadOnlyList<MarketFeed.Status> Feeds,
    IReadOnlyDictionary<string, long> FallbacksServed,
    IReadOnlyDictionary<string, string> Faults,
    IReadOnlyList<NodeEvents.Entry> Events,
    int AlertsRaised,
    IReadOnlyList<OrderLedger.ExchangeOrders> Orders)
{
    /// <summary>The API each exchange with an endpoint speaks (binance, bybit, kraken).</summary>
    public IReadOnlyDictionary<string, string> Protocols { get; init; } = new Dictionary<string, string>();
}
