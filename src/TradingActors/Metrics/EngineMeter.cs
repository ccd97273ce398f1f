using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TradingActors.Breaker;
using TradingActors.MarketData;
using TradingActors.Orders;

namespace TradingActors.Metrics;

/// <summary>
/// The engine's instruments, under one Meter named after the project, for OpenTelemetry and
/// Prometheus to read. Names and units follow OpenTelemetry's conventions. A breaker records into
/// them alongside its own figures, and so does a market data feed; with no listener attached, recording
/// costs next to nothing.
/// </summary>
public static class EngineMeter
{
    public const string Name = "TradingActors";

    private static readonly Meter Meter = new(Name, typeof(EngineMeter).Assembly.GetName().Version?.ToString());

    // Written only by each breaker for its own exchange, on a transition; read by the gauge's callback.
    private static readonly ConcurrentDictionary<string, BreakerState> States = new(StringComparer.Ordinal);

    // Written only by each feed for its own exchange, on a transition; read by the feed gauge's callback.
    private static readonly ConcurrentDictionary<string, FeedState> FeedStates = new(StringComparer.Ordinal);

    /// <summary>Requests answered, by exchange and outcome (success, rejected_by_exchange, failure, ...).</summary>
    internal static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("trading.requests", "{request}", "Requests answered, by exchange and outcome");

    /// <summary>Time from admission to answer of the calls that reached an exchange.</summary>
    // Exchange calls take milliseconds to seconds; the exporters' default buckets (0 to 10,000) would put every one in the first.
    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram("trading.request.duration", "s", "Time from admission to answer of calls sent to an exchange",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    internal static readonly Counter<long> Rejections =
        Meter.CreateCounter<long>("trading.rejections", "{request}", "Requests the engine answered without sending, by reason");

    internal static readonly Counter<long> Transitions =
        Meter.CreateCounter<long>("trading.breaker.transitions", "{transition}", "Breaker state changes, by exchange and new state");

    internal static readonly Counter<long> FeedTicks =
        Meter.CreateCounter<long>("trading.feed.ticks", "{tick}", "Ticks the market data feeds delivered to their subscribers, by exchange");

    internal static readonly Counter<long> FeedDroppedFrames =
        Meter.CreateCounter<long>("trading.feed.dropped_frames", "{frame}", "Frames a feed dropped, by exchange and reason (duplicate, malformed)");

    internal static readonly Counter<long> FeedGaps =
        Meter.CreateCounter<long>("trading.feed.gaps", "{gap}", "Jumps in a feed's trade ids, by exchange and symbol");

    internal static readonly Counter<long> FeedMissedTicks =
        Meter.CreateCounter<long>("trading.feed.missed_ticks", "{tick}", "Trades lost inside the gaps, by exchange and symbol");

    internal static readonly Counter<long> FeedReconnects =
        Meter.CreateCounter<long>("trading.feed.reconnects", "{reconnect}", "Feed connections made again after one was lost, by exchange");

    internal static readonly Counter<long> FeedFailovers =
        Meter.CreateCounter<long>("trading.feed.failovers", "{failover}", "Feed switches to the other endpoint by the failover rule, by exchange");

    internal static readonly Counter<long> FeedTransitions =
        Meter.CreateCounter<long>("trading.feed.transitions", "{transition}", "Feed state changes, by exchange and new state");

    internal static readonly Counter<long> OrdersSettled =
        Meter.CreateCounter<long>("trading.orders.settled", "{order}", "Orders that reached their final state, by exchange and state");

    internal static readonly Counter<long> OrdersReconciled =
        Meter.CreateCounter<long>("trading.orders.reconciled", "{order}",
            "Orders whose unknown outcome the ledger settled, by asking their exchange or from its user data stream, by exchange");

    internal static readonly Counter<long> OrdersNeedingAttention =
        Meter.CreateCounter<long>("trading.orders.needs_attention", "{order}", "Orders reconciliation could not settle, by exchange");

    internal static readonly Counter<long> OrdersExternal =
        Meter.CreateCounter<long>("trading.orders.external", "{order}", "Orders an exchange reported that the ledger never sent, by exchange");

    // Each running ledger's counts of unsettled orders, added while it runs; read by the gauge's callback.
    private static readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<(string Exchange, OrderLife Life), int>> UnsettledOrders = new();

    static EngineMeter()
    {
        Meter.CreateObservableGauge("trading.orders.unsettled", ObserveUnsettledOrders, "{order}",
            "Orders not yet final, by exchange and state (in_flight, open, unknown, needs_attention)");
        Meter.CreateObservableGauge("trading.breaker.state", ObserveStates, "{state}",
            "Each exchange's breaker state: 0 closed, 1 open, 2 half-open, 3 isolated, 4 metrics-only");
        Meter.CreateObservableGauge("trading.feed.state", ObserveFeedStates, "{state}",
            "Each exchange's feed state: 0 connecting, 1 connected, 2 stale, 3 reconnecting, 4 on backup");
    }

    internal static void RecordState(string exchange, BreakerState state) => States[exchange] = state;

    internal static void Forget(string exchange) => States.TryRemove(exchange, out _);

    internal static void RecordFeedState(string exchange, FeedState state) => FeedStates[exchange] = state;

    internal static void ForgetFeed(string exchange) => FeedStates.TryRemove(exchange, out _);

    /// <summary>Gauges a ledger's counts until the returned key is forgotten.</summary>
    internal static Guid ObserveOrders(IReadOnlyDictionary<(string Exchange, OrderLife Life), int> unsettled)
    {
        var ledger = Guid.NewGuid();
        UnsettledOrders[ledger] = unsettled;
        return ledger;
    }

    internal static void ForgetOrders(Guid ledger) => UnsettledOrders.TryRemove(ledger, out _);

    private static IEnumerable<Measurement<int>> ObserveUnsettledOrders() =>
        UnsettledOrders.Values.SelectMany(ledger => ledger).GroupBy(count => count.Key).Select(count => new Measurement<int>(count.Sum(c => c.Value),
            new KeyValuePair<string, object?>("exchange", count.Key.Exchange),
            new KeyValuePair<string, object?>("state", count.Key.Life switch
            {
                OrderLife.Sent => "in_flight",
                OrderLife.NeedsAttention => "needs_attention",
                var life => life.ToString().ToLowerInvariant(),
            })));

    private static IEnumerable<Measurement<int>> ObserveStates() =>
        States.Select(s => new Measurement<int>((int)s.Value, new KeyValuePair<string, object?>("exchange", s.Key)));

    private static IEnumerable<Measurement<int>> ObserveFeedStates() =>
        FeedStates.Select(s => new Measurement<int>((int)s.Value, new KeyValuePair<string, object?>("exchange", s.Key)));
}
