using TradingActors.Alerts;
using TradingActors.Breaker;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.MarketData;
using TradingActors.Orders;
using TradingActors.Orders.UserData;
using TradingActors.Registry;

namespace TradingActors.Serialization;

/// <summary>
/// The name each message goes by on the wire and in a journal. A manifest is written into every
/// serialized message and every journal row, so once released it never changes: a type may be renamed
/// or moved to another namespace, its manifest stays. A new message gets an entry here and a binding in
/// hocon/trading.conf; the serialization specs fail until it has both.
/// </summary>
internal static class TradingManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> All { get; } =
    [
        (typeof(PlaceOrder), "PlaceOrder"),
        (typeof(CancelOrder), "CancelOrder"),
        (typeof(GetOrderStatus), "GetOrderStatus"),
        (typeof(GetOpenOrders), "GetOpenOrders"),
        (typeof(GetPrice), "GetPrice"),
        (typeof(Ping), "Ping"),

        (typeof(OrderPlaced), "OrderPlaced"),
        (typeof(OrderCancelled), "OrderCancelled"),
        (typeof(OrderFound), "OrderFound"),
        (typeof(OpenOrdersListed), "OpenOrdersListed"),
        (typeof(PriceQuoted), "PriceQuoted"),
        (typeof(Pong), "Pong"),
        (typeof(ExchangeFailed), "ExchangeFailed"),
        (typeof(ExchangeRejected), "ExchangeRejected"),
        (typeof(CircuitOpen), "CircuitOpen"),
        (typeof(InvalidRequest), "InvalidRequest"),
        (typeof(BulkheadFull), "BulkheadFull"),
        (typeof(RateBudgetExhausted), "RateBudgetExhausted"),
        (typeof(FeedPriceQuoted), "FeedPriceQuoted"),

        (typeof(ExchangeConnector.Crashed), "ExchangeConnector.Crashed"),
        (typeof(ExchangeConnector.Abandon), "ExchangeConnector.Abandon"),

        (typeof(CircuitBreaker.GetStatus), "CircuitBreaker.GetStatus"),
        (typeof(CircuitBreaker.Isolate), "CircuitBreaker.Isolate"),
        (typeof(CircuitBreaker.Reset), "CircuitBreaker.Reset"),
        (typeof(CircuitBreaker.RecordOnly), "CircuitBreaker.RecordOnly"),
        (typeof(CircuitBreaker.Status), "CircuitBreaker.Status"),
        (typeof(CircuitBreaker.GetSummary), "CircuitBreaker.GetSummary"),
        (typeof(CircuitBreaker.Summary), "CircuitBreaker.Summary"),
        (typeof(BreakerMemory.Saved), "BreakerMemory.Saved"),
        (typeof(BreakerTransitioned), "BreakerTransitioned"),
        (typeof(BreakerAlerts.Alert), "BreakerAlerts.Alert"),

        (typeof(ExchangeRegistry.GetStatuses), "ExchangeRegistry.GetStatuses"),
        (typeof(ExchangeRegistry.Statuses), "ExchangeRegistry.Statuses"),
        (typeof(ExchangeRegistry.Resolve), "ExchangeRegistry.Resolve"),
        (typeof(ExchangeRegistry.Resolved), "ExchangeRegistry.Resolved"),
        (typeof(TradingEngine.GetParts), "TradingEngine.GetParts"),
        (typeof(TradingEngine.Parts), "TradingEngine.Parts"),

        (typeof(MarketFeed.Subscribe), "MarketFeed.Subscribe"),
        (typeof(MarketFeed.Unsubscribe), "MarketFeed.Unsubscribe"),
        (typeof(MarketFeed.GetLastPrice), "MarketFeed.GetLastPrice"),
        (typeof(MarketFeed.GetStatus), "MarketFeed.GetStatus"),
        (typeof(MarketFeed.FeedPrice), "MarketFeed.FeedPrice"),
        (typeof(MarketFeed.NoFeedPrice), "MarketFeed.NoFeedPrice"),
        (typeof(MarketFeed.Status), "MarketFeed.Status"),
        (typeof(MarketFeeds.GetStatuses), "MarketFeeds.GetStatuses"),
        (typeof(MarketFeeds.Statuses), "MarketFeeds.Statuses"),
        (typeof(FeedTransitioned), "FeedTransitioned"),
        (typeof(FeedTick), "FeedTick"),
        (typeof(FeedGap), "FeedGap"),

        (typeof(OrderOutcomeUnknown), "OrderOutcomeUnknown"),
        (typeof(OrdersReconciling), "OrdersReconciling"),
        (typeof(OrderSettled), "OrderSettled"),
        (typeof(ExternalOrderFound), "ExternalOrderFound"),
        (typeof(OrderReconciled), "OrderReconciled"),
        (typeof(OrderLedger.WaitForFinal), "OrderLedger.WaitForFinal"),
        (typeof(OrderLedger.GetOrder), "OrderLedger.GetOrder"),
        (typeof(OrderLedger.Order), "OrderLedger.Order"),
        (typeof(OrderLedger.NotFound), "OrderLedger.NotFound"),
        (typeof(OrderLedger.GetStatus), "OrderLedger.GetStatus"),
        (typeof(OrderLedger.Status), "OrderLedger.Status"),
        (typeof(OrderLedger.ExecutionReported), "OrderLedger.ExecutionReported"),
        (typeof(OrderLedger.StreamResumed), "OrderLedger.StreamResumed"),
        (typeof(UserDataStreamTransitioned), "UserDataStreamTransitioned"),

        // The ledger's journal: these names are in every row it has written.
        (typeof(OrderSent), "OrderSent"),
        (typeof(OrderReported), "OrderReported"),
        (typeof(OrderNotExecuted), "OrderNotExecuted"),
        (typeof(OrderRefused), "OrderRefused"),
        (typeof(OrderFilled), "OrderFilled"),
        (typeof(OrderOutcomeLost), "OrderOutcomeLost"),
        (typeof(OrderUnknownToExchange), "OrderUnknownToExchange"),
        (typeof(OrderNeedsAttention), "OrderNeedsAttention"),
        (typeof(OrderLedgerSnapshot), "OrderLedgerSnapshot"),
    ];

    private static readonly Dictionary<Type, string> ByType = All.ToDictionary(m => m.Type, m => m.Manifest);
    private static readonly Dictionary<string, Type> ByManifest = All.ToDictionary(m => m.Manifest, m => m.Type, StringComparer.Ordinal);

    public static string Of(Type type) =>
        ByType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new ArgumentException($"{type} has no manifest: add it to {nameof(TradingManifests)}", nameof(type));

    public static Type? TypeOf(string manifest) => ByManifest.GetValueOrDefault(manifest);
}
