using Akka.Actor;
using TradingActors.Alerts;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.MarketData;
using TradingActors.Metrics;
using TradingActors.Orders;
using TradingActors.Orders.UserData;
using TradingActors.Registry;

namespace TradingActors.Tests.Serialization;

/// <summary>
/// One instance of every public message, with the manifest it is journaled under. Every member holds a
/// value other than its default (eight-decimal prices, lists and dictionaries with entries), so that a
/// member lost on the wire shows in the comparison.
/// </summary>
internal static class MessageSamples
{
    public sealed record Sample(object Message, string Manifest);

    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2)).AddTicks(5_897_932);
    private static readonly Uri Primary = new("wss://stream.binance.com:9443/stream");
    private static readonly Uri Backup = new("wss://data-stream.binance.vision/stream");

    /// <param name="actors">Distinct actors for the messages that name one.</param>
    public static IReadOnlyDictionary<Type, Sample> All(IReadOnlyList<IActorRef> actors)
    {
        var order = new PlaceOrder("binance", "BTCUSDT", OrderSide.Sell, 0.12345678m, 42_000.10000000m, "order-7");
        var cancel = new CancelOrder("bybit", "ETHUSDT", "order-8");
        var query = new GetOrderStatus("kraken", "ETHUSDT", "order-9");
        var price = new GetPrice("binance", "BTCUSDT");
        var openOrders = new GetOpenOrders("bybit");
        var ping = new Ping("kraken");
        var report = new OrderReport("order-7", "8389765519", "BTCUSDT", OrderSide.Sell, OrderState.PartiallyFilled,
            0.12345678m, 0.02345678m, 42_000.12345678m);
        var failed = new ExchangeFailed(order, FailureKind.ServerError, ExecutionOutcome.Unknown, TimeSpan.FromSeconds(1), "HTTP 503");
        var record = new OrderRecord(order, ["binance", "bybit"], OrderLife.Open, "binance", report, "binance reports it PartiallyFilled",
            At, At.AddSeconds(2), 1, [new Trade(77_001, 0.02345678m, 42_000.12345678m)]);
        var breaker = new CircuitBreaker.Status("binance", BreakerState.HalfOpen, 3, "2/3 in a row", 1, 2, 4, 5, At.AddSeconds(30),
            Breaker, Metrics, "akka.tcp://trading@127.0.0.1:4053");
        var summary = new CircuitBreaker.Summary("binance", BreakerState.Open, 2, 4, 5, At.AddSeconds(30), 40, 3, 7, 1,
            "akka.tcp://trading@127.0.0.1:4053");
        var lastPrice = new MarketFeed.FeedPrice("binance", "BTCUSDT", 42_000.12345678m, TimeSpan.FromMilliseconds(850.5), Backup);
        var feed = new MarketFeed.Status("binance", FeedState.OnBackup, "5 failed attempts on the primary", At, Backup, 2, 3,
            new FeedCounts(1_000, 2, 3, 4, 5, 6, 7, 8, 9), [lastPrice], Feed);

        Sample[] samples =
        [
            new(order, "PlaceOrder"),
            new(cancel, "CancelOrder"),
            new(query, "GetOrderStatus"),
            new(openOrders, "GetOpenOrders"),
            new(price, "GetPrice"),
            new(ping, "Ping"),

            new(new OrderPlaced(order, report), "OrderPlaced"),
            new(new OrderCancelled(cancel, report with { State = OrderState.Cancelled }), "OrderCancelled"),
            new(new OrderFound(query, report), "OrderFound"),
            new(new OpenOrdersListed(openOrders, [report]), "OpenOrdersListed"),
            new(new PriceQuoted(price, 42_000.12345678m), "PriceQuoted"),
            new(new Pong(ping), "Pong"),
            new(new ExchangeFailed(order, FailureKind.RateLimited, ExecutionOutcome.Unknown, TimeSpan.FromMilliseconds(1_500), "HTTP 429"),
                "ExchangeFailed"),
            new(new ExchangeRejected(cancel, RejectionReason.UnknownOrder, "-2011 Unknown order sent."), "ExchangeRejected"),
            new(new CircuitOpen(query, TimeSpan.FromSeconds(12.5)), "CircuitOpen"),
            new(new InvalidRequest(order, "quantity must be positive"), "InvalidRequest"),
            new(new BulkheadFull(price, "10 calls in flight, 0 may wait"), "BulkheadFull"),
            new(new RateBudgetExhausted(price, TimeSpan.FromSeconds(42.5), "4801 of the 6000 request limit used"), "RateBudgetExhausted"),
            new(new FeedPriceQuoted(price, 41_999.87654321m, TimeSpan.FromMilliseconds(850)), "FeedPriceQuoted"),

            new(new ExchangeConnector.Crashed(order, "the client threw"), "ExchangeConnector.Crashed"),
            new(new ExchangeConnector.Abandon(order.Id), "ExchangeConnector.Abandon"),

            new(new CircuitBreaker.GetStatus("binance"), "CircuitBreaker.GetStatus"),
            new(new CircuitBreaker.Isolate("binance", "maintenance"), "CircuitBreaker.Isolate"),
            new(new CircuitBreaker.Reset("bybit"), "CircuitBreaker.Reset"),
            new(new CircuitBreaker.RecordOnly("kraken"), "CircuitBreaker.RecordOnly"),
            new(breaker, "CircuitBreaker.Status"),
            new(new CircuitBreaker.GetSummary("binance"), "CircuitBreaker.GetSummary"),
            new(summary, "CircuitBreaker.Summary"),
            new(new BreakerMemory.Saved("binance", BreakerState.Open, At.AddSeconds(30), 2, "rate limited: banned", "akka.tcp://trading@127.0.0.1:4053", At),
                "BreakerMemory.Saved"),
            new(new BreakerTransitioned("binance", BreakerState.HalfOpen, BreakerState.Open, "a trial failed", At, At.AddMinutes(1)),
                "BreakerTransitioned"),
            new(new BreakerAlerts.Alert("binance", AlertLevel.Warning, BreakerState.HalfOpen, BreakerState.Open, "a trial failed", At,
                At.AddMinutes(1), 2), "BreakerAlerts.Alert"),

            new(ExchangeRegistry.GetStatuses.Instance, "ExchangeRegistry.GetStatuses"),
            new(new ExchangeRegistry.Statuses([summary, summary with { Exchange = "bybit", State = BreakerState.Isolated }]),
                "ExchangeRegistry.Statuses"),
            new(new ExchangeRegistry.Resolve("binance"), "ExchangeRegistry.Resolve"),
            new(new ExchangeRegistry.Resolved("binance", actors[0]), "ExchangeRegistry.Resolved"),
            new(TradingEngine.GetParts.Instance, "TradingEngine.GetParts"),
            new(new TradingEngine.Parts(actors[0], actors[1], actors[2], actors[3], actors[4]), "TradingEngine.Parts"),

            new(new MarketFeed.Subscribe("binance", actors[0]), "MarketFeed.Subscribe"),
            new(new MarketFeed.Unsubscribe("binance", actors[1]), "MarketFeed.Unsubscribe"),
            new(new MarketFeed.GetLastPrice("binance", "BTCUSDT"), "MarketFeed.GetLastPrice"),
            new(new MarketFeed.GetStatus("binance"), "MarketFeed.GetStatus"),
            new(lastPrice, "MarketFeed.FeedPrice"),
            new(new MarketFeed.NoFeedPrice("kraken", "ETHUSDT", "no trade of ETHUSDT yet"), "MarketFeed.NoFeedPrice"),
            new(feed, "MarketFeed.Status"),
            new(MarketFeeds.GetStatuses.Instance, "MarketFeeds.GetStatuses"),
            new(new MarketFeeds.Statuses([feed]), "MarketFeeds.Statuses"),
            new(new FeedTransitioned("binance", FeedState.Reconnecting, FeedState.OnBackup, "failed over", At, Backup), "FeedTransitioned"),
            new(new FeedTick("binance", "BTCUSDT", 4_213_374_512, 42_000.12345678m, 0.00000001m, At, At.AddMilliseconds(3.25), Primary),
                "FeedTick"),
            new(new FeedGap("binance", "BTCUSDT", 4_213_374_500, 4_213_374_512, Primary, At), "FeedGap"),

            new(new OrderOutcomeUnknown(order, "ServerError at binance: the ledger is reconciling it", failed), "OrderOutcomeUnknown"),
            new(new ExternalOrderFound("binance", report, At), "ExternalOrderFound"),
            new(new OrderReconciled("order-1", "binance", OrderLife.Filled, "binance reports it Filled", At), "OrderReconciled"),
            new(new OrdersReconciling(order, TimeSpan.FromSeconds(12.5)), "OrdersReconciling"),
            new(new OrderSettled("order-7", "binance", OrderLife.Filled, report, "binance reports it Filled", At), "OrderSettled"),
            new(new OrderLedger.WaitForFinal("order-7"), "OrderLedger.WaitForFinal"),
            new(new OrderLedger.GetOrder("order-7"), "OrderLedger.GetOrder"),
            new(new OrderLedger.Order("order-7", record), "OrderLedger.Order"),
            new(new OrderLedger.NotFound("order-404"), "OrderLedger.NotFound"),
            new(OrderLedger.GetStatus.Instance, "OrderLedger.GetStatus"),
            new(new OrderLedger.Status([new OrderLedger.ExchangeOrders("binance", 1, 2, 3, 4, 5, 6)]), "OrderLedger.Status"),
            new(new OrderLedger.ExecutionReported("binance", report, new Trade(77_002, 0.01m, 42_000.5m), At), "OrderLedger.ExecutionReported"),
            new(new OrderLedger.StreamResumed("binance"), "OrderLedger.StreamResumed"),
            new(new UserDataStreamTransitioned("binance", UserDataState.Subscribed, UserDataState.Reconnecting, "no answer to a ping within 10s",
                At, new Uri("wss://ws-api.binance.com:443/ws-api/v3")), "UserDataStreamTransitioned"),
            new(new OrderSent(order, ["binance", "bybit"], At), "OrderSent"),
            new(new OrderFilled("order-7", "binance", new Trade(77_003, 0.02345678m, 42_000.12345678m), At), "OrderFilled"),
            new(new OrderReported("order-7", "binance", report, At), "OrderReported"),
            new(new OrderNotExecuted("order-7", "not executed: CircuitOpen", At), "OrderNotExecuted"),
            new(new OrderRefused("order-7", "binance", RejectionReason.UnknownSymbol, "-1121: invalid symbol", At), "OrderRefused"),
            new(new OrderOutcomeLost("order-7", "binance", "Timeout: no answer from binance within 10s", At), "OrderOutcomeLost"),
            new(new OrderUnknownToExchange("order-7", "binance", At), "OrderUnknownToExchange"),
            new(new OrderNeedsAttention("order-7", "binance still does not know it after 5 queries", At), "OrderNeedsAttention"),
            new(new OrderLedgerSnapshot([record], new Dictionary<string, ClosedOrder> { ["order-1"] = new(OrderLife.Cancelled, At.AddMinutes(-3)) }),
                "OrderLedgerSnapshot"),
        ];
        return samples.ToDictionary(sample => sample.Message.GetType());
    }

    private static BreakerSettings Breaker => BreakerSettings.Defaults with
    {
        HalfOpenMaxCalls = 3,
        OpenTimeoutJitter = 0.1,
        FailurePolicy = FailurePolicy.TimeWindow,
        HealthCheck = true,
        MaxQueuedCalls = 4,
        MaxRetries = 2,
        MetricsOnly = true,
        CancelsWhenOpen = true,
    };

    private static MetricsSnapshot Metrics => new(10, 7, 3, 4, 2, 1, 1,
        TimeSpan.FromTicks(1_234_567), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(450.5),
        new Dictionary<BreakerState, TimeSpan>
        {
            [BreakerState.Closed] = TimeSpan.FromMinutes(5),
            [BreakerState.Open] = TimeSpan.FromSeconds(30),
            [BreakerState.HalfOpen] = TimeSpan.FromTicks(20_000_001),
        },
        [new StateChange(BreakerState.HalfOpen, BreakerState.Open, At, "a trial failed"),
         new StateChange(BreakerState.Open, BreakerState.HalfOpen, At.AddSeconds(30), "open timeout over")]);

    private static FeedSettings Feed => FeedSettings.Default(Primary, "BTCUSDT", "ETHUSDT") with { Backup = Backup, Protocol = ExchangeProtocol.Kraken };
}
