using System.Reflection;
using TradingActors.Alerts;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;
using TradingActors.MarketData;
using TradingActors.Metrics;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Serialization;

/// <summary>
/// The engine's public messages, found by reflection so that a message added later is found too: every
/// public record of the engine that is not abstract, not configuration, not the simulated exchange (a test
/// double) and not one of the parts below.
/// </summary>
internal static class PublicMessages
{
    /// <summary>Public records that are never sent on their own, and why.</summary>
    public static IReadOnlyDictionary<Type, string> NotMessages { get; } = new Dictionary<Type, string>
    {
        [typeof(RequestId)] = "a part of every request and of ExchangeConnector.Abandon",
        [typeof(OrderReport)] = "a part of OrderPlaced, OrderCancelled and OrderFound",
        [typeof(MetricsSnapshot)] = "a part of CircuitBreaker.Status",
        [typeof(StateChange)] = "a part of MetricsSnapshot",
        [typeof(FeedCounts)] = "a part of MarketFeed.Status",
        [typeof(FeedSettings)] = "a feed's settings, read from configuration; a part of MarketFeed.Status",
        [typeof(BreakerAlerts.Settings)] = "the alerts' settings, read from configuration and never sent",
        [typeof(BinanceSettings)] = "an endpoint's settings, with its API secret, read from configuration and never sent",
        [typeof(BybitSettings)] = "an endpoint's settings, with its API secret, read from configuration and never sent",
        [typeof(KrakenSettings)] = "an endpoint's settings, with its API secret, read from configuration and never sent",
        [typeof(BybitUsage)] = "what Bybit's last reply said of the key's rate limit, kept by its client and never sent",
        [typeof(KrakenUsage)] = "the Kraken client's estimate of the key's call counters, kept by the client and never sent",
        [typeof(RateUsage)] = "what an exchange's reply says of a rate limit, kept by its client's rate budget and never sent",
        [typeof(RateBudget.Mark)] = "what a client's rate budget had charged as a request was sent, kept by the client and never sent",
        [typeof(OrderLedgerSettings)] = "the order ledger's settings, read from configuration and never sent",
        [typeof(UserDataSettings)] = "a user data stream's settings, a part of BinanceSettings, read from configuration and never sent",
        [typeof(OrderRecord)] = "a part of OrderLedgerSnapshot and OrderLedger.Order",
        [typeof(ClosedOrder)] = "a part of OrderLedgerSnapshot",
        [typeof(OrderLedger.ExchangeOrders)] = "a part of OrderLedger.Status",
        [typeof(Trade)] = "a part of OrderFilled, OrderRecord and OrderLedger.ExecutionReported",
    };

    public static IReadOnlyList<Type> All { get; } = typeof(ExchangeRequest).Assembly.GetTypes()
        .Where(type => type.IsVisible && IsRecord(type) && !type.IsAbstract
                       && type.Namespace != "TradingActors.Configuration"
                       && !NotMessages.ContainsKey(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    public static Type Named(string fullName) => All.Single(type => type.FullName == fullName);

    // What the compiler generates for a record class (its clone method) or a record struct (its PrintMembers).
    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic) is not null;
}
