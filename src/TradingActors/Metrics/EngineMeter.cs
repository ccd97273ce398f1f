using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using TradingActors.Breaker;
using TradingActors.MarketData;
using TradingActors.Orders;

namespace TradingActors.Metrics;

/// <summary>
/// One engine's instruments, for OpenTelemetry and Prometheus to read: a Meter named after the project and
/// tagged with its actor system's name (<c>engine</c>), made by the host's <see cref="IMeterFactory"/> where it
/// has one. Each actor system has its own (an Akka extension), so two engines in one process keep their own
/// figures and gauges. Names and units follow OpenTelemetry's conventions. A breaker records into them
/// alongside its own figures, and so do a feed and the order ledger; with no listener attached, recording
/// costs next to nothing.
/// </summary>
public sealed class EngineMeter : IExtension
{
    public const string Name = "TradingActors";

    /// <summary>The meter's tag naming the engine: its actor system's name.</summary>
    public const string EngineTag = "engine";

    private readonly Meter _meter;

    // Written only by each breaker for its own exchange, on a transition; read by the gauge's callback.
    private readonly ConcurrentDictionary<string, BreakerState> _states = new(StringComparer.Ordinal);

    // Written only by each feed for its own exchange, on a transition; read by the feed gauge's callback.
    private readonly ConcurrentDictionary<string, FeedState> _feedStates = new(StringComparer.Ordinal);

    // Each running ledger's counts of unsettled orders, added while it runs; read by the gauge's callback.
    private readonly ConcurrentDictionary<Guid, IReadOnlyDictionary<(string Exchange, OrderLife Life), int>> _unsettledOrders = new();

    internal EngineMeter(string engine, IMeterFactory? factory)
    {
        var options = new MeterOptions(Name)
        {
            Version = typeof(EngineMeter).Assembly.GetName().Version?.ToString(),
            Tags = [new KeyValuePair<string, object?>(EngineTag, engine)],
        };
        _meter = factory?.Create(options) ?? new Meter(options);
        Requests = _meter.CreateCounter<long>("trading.requests", "{request}", "Requests answered, by exchange and outcome");
        // Exchange calls take milliseconds to seconds; the exporters' default buckets (0 to 10,000) would put every one in the first.
        Duration = _meter.CreateHistogram("trading.request.duration", "s", "Time from admission to answer of calls sent to an exchange",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        Rejections = _meter.CreateCounter<long>("trading.rejections", "{request}", "Requests the engine answered without sending, by reason");
        Transitions = _meter.CreateCounter<long>("trading.breaker.transitions", "{transition}", "Breaker state changes, by exchange and new state");
        FeedTicks = _meter.CreateCounter<long>("trading.feed.ticks", "{tick}", "Ticks the market data feeds delivered to their subscribers, by exchange");
        FeedDroppedFrames = _meter.CreateCounter<long>("trading.feed.dropped_frames", "{frame}", "Frames a feed dropped, by exchange and reason (duplicate, malformed)");
        FeedGaps = _meter.CreateCounter<long>("trading.feed.gaps", "{gap}", "Jumps in a feed's trade ids, by exchange and symbol");
        FeedMissedTicks = _meter.CreateCounter<long>("trading.feed.missed_ticks", "{tick}", "Trades lost inside the gaps, by exchange and symbol");
        FeedReconnects = _meter.CreateCounter<long>("trading.feed.reconnects", "{reconnect}", "Feed connections made again after one was lost, by exchange");
        FeedFailovers = _meter.CreateCounter<long>("trading.feed.failovers", "{failover}", "Feed switches to the other endpoint by the failover rule, by exchange");
        FeedTransitions = _meter.CreateCounter<long>("trading.feed.transitions", "{transition}", "Feed state changes, by exchange and new state");
        OrdersSettled = _meter.CreateCounter<long>("trading.orders.settled", "{order}", "Orders that reached their final state, by exchange and state");
        OrdersReconciled = _meter.CreateCounter<long>("trading.orders.reconciled", "{order}",
            "Orders whose unknown outcome the ledger settled, by asking their exchange or from its user data stream, by exchange");
        OrdersNeedingAttention = _meter.CreateCounter<long>("trading.orders.needs_attention", "{order}", "Orders reconciliation could not settle, by exchange");
        OrdersExternal = _meter.CreateCounter<long>("trading.orders.external", "{order}", "Orders an exchange reported that the ledger never sent, by exchange");
        _meter.CreateObservableGauge("trading.orders.unsettled", ObserveUnsettledOrders, "{order}",
            "Orders not yet final, by exchange and state (in_flight, open, unknown, needs_attention)");
        _meter.CreateObservableGauge("trading.breaker.state", ObserveStates, "{state}",
            "Each exchange's breaker state: 0 closed, 1 open, 2 half-open, 3 isolated, 4 metrics-only");
        _meter.CreateObservableGauge("trading.feed.state", ObserveFeedStates, "{state}",
            "Each exchange's feed state: 0 connecting, 1 connected, 2 stale, 3 reconnecting, 4 on backup");
    }

    /// <summary>The instruments of <paramref name="system"/>'s engine.</summary>
    public static EngineMeter For(ActorSystem system) => system.WithExtension<EngineMeter, EngineMeterProvider>();

    /// <summary>
    /// Makes <paramref name="system"/>'s instruments with <paramref name="factory"/> (the host's, from DI); called
    /// before the engine starts, so that no instrument is made before. The factory disposes of the meter.
    /// </summary>
    public static EngineMeter UseFactory(ActorSystem system, IMeterFactory factory) =>
        (EngineMeter)system.RegisterExtension(new EngineMeterProvider(factory));

    /// <summary>The meter itself, for a listener that wants this engine's instruments alone.</summary>
    public Meter Meter => _meter;

    /// <summary>Requests answered, by exchange and outcome (success, rejected_by_exchange, failure, ...).</summary>
    internal Counter<long> Requests { get; }

    /// <summary>Time from admission to answer of the calls that reached an exchange.</summary>
    internal Histogram<double> Duration { get; }

    internal Counter<long> Rejections { get; }
    internal Counter<long> Transitions { get; }
    internal Counter<long> FeedTicks { get; }
    internal Counter<long> FeedDroppedFrames { get; }
    internal Counter<long> FeedGaps { get; }
    internal Counter<long> FeedMissedTicks { get; }
    internal Counter<long> FeedReconnects { get; }
    internal Counter<long> FeedFailovers { get; }
    internal Counter<long> FeedTransitions { get; }
    internal Counter<long> OrdersSettled { get; }
    internal Counter<long> OrdersReconciled { get; }
    internal Counter<long> OrdersNeedingAttention { get; }
    internal Counter<long> OrdersExternal { get; }

    internal void RecordState(string exchange, BreakerState state) => _states[exchange] = state;

    internal void Forget(string exchange) => _states.TryRemove(exchange, out _);

    internal void RecordFeedState(string exchange, FeedState state) => _feedStates[exchange] = state;

    internal void ForgetFeed(string exchange) => _feedStates.TryRemove(exchange, out _);

    /// <summary>Gauges a ledger's counts until the returned key is forgotten.</summary>
    internal Guid ObserveOrders(IReadOnlyDictionary<(string Exchange, OrderLife Life), int> unsettled)
    {
        var ledger = Guid.NewGuid();
        _unsettledOrders[ledger] = unsettled;
        return ledger;
    }

    internal void ForgetOrders(Guid ledger) => _unsettledOrders.TryRemove(ledger, out _);

    private void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> ObserveUnsettledOrders() =>
        _unsettledOrders.Values.SelectMany(ledger => ledger).GroupBy(count => count.Key).Select(count => new Measurement<int>(count.Sum(c => c.Value),
            new KeyValuePair<string, object?>("exchange", count.Key.Exchange),
            new KeyValuePair<string, object?>("state", count.Key.Life switch
            {
                OrderLife.Sent => "in_flight",
                OrderLife.NeedsAttention => "needs_attention",
                var life => life.ToString().ToLowerInvariant(),
            })));

    private IEnumerable<Measurement<int>> ObserveStates() =>
        _states.Select(s => new Measurement<int>((int)s.Value, new KeyValuePair<string, object?>("exchange", s.Key)));

    private IEnumerable<Measurement<int>> ObserveFeedStates() =>
        _feedStates.Select(s => new Measurement<int>((int)s.Value, new KeyValuePair<string, object?>("exchange", s.Key)));

    /// <summary>Makes an actor system's <see cref="EngineMeter"/>: with the host's factory, or a meter of its own that ends with the system.</summary>
    private sealed class EngineMeterProvider(IMeterFactory? factory) : ExtensionIdProvider<EngineMeter>
    {
        public EngineMeterProvider() : this(null)
        {
        }

        public override EngineMeter CreateExtension(ExtendedActorSystem system)
        {
            var meter = new EngineMeter(system.Name, factory);
            if (factory is null)
                system.RegisterOnTermination(meter.Dispose);
            return meter;
        }
    }
}
