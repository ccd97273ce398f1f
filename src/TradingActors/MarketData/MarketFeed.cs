using Akka.Actor;

namespace TradingActors.MarketData;

/// <summary>
/// The feed actor: one per exchange, streaming its trades over a WebSocket to the engine's subscribers.
/// It detects a lost stream (closed, broken or silent), reconnects with backoff, fails over to the backup
/// endpoint and goes back to the primary once it answers; it keeps each symbol's last price, so that a
/// price can still be given, with its age, while the exchange's REST side is failing.
/// </summary>
public static class MarketFeed
{
    /// <param name="client">Opens the stream sockets: a <see cref="WebSocketStreamClient"/>, or a test's stand-in.</param>
    public static Props Props(string exchange, FeedSettings settings, IMarketStreamClient client) =>
        Akka.Actor.Props.Create(() => new MarketFeedActor(exchange, settings, client));

    /// <summary>A command for the feed of <see cref="Exchange"/>.</summary>
    public abstract record Command(string Exchange);

    /// <summary>
    /// Sends <paramref name="Subscriber"/> every <see cref="FeedTick"/> from now on, until it unsubscribes or stops.
    /// Ticks go to subscribers only, never to the EventStream.
    /// </summary>
    public sealed record Subscribe(string Exchange, IActorRef Subscriber) : Command(Exchange);

    public sealed record Unsubscribe(string Exchange, IActorRef Subscriber) : Command(Exchange);

    /// <summary>Asks for the last price of <see cref="Symbol"/>; answered with a <see cref="LastPriceReply"/>.</summary>
    public sealed record GetLastPrice(string Exchange, string Symbol) : Command(Exchange);

    /// <summary>Answered with the feed's <see cref="Status"/>.</summary>
    public sealed record GetStatus(string Exchange) : Command(Exchange);

    public abstract record LastPriceReply(string Exchange, string Symbol);

    /// <summary>The price of the last trade the feed received for the symbol, and how long ago it came.</summary>
    public sealed record FeedPrice(string Exchange, string Symbol, decimal Price, TimeSpan Age, Uri Endpoint)
        : LastPriceReply(Exchange, Symbol);

    /// <summary>The feed has no price for the symbol: no trade of it has come yet, or there is no feed for the exchange.</summary>
    public sealed record NoFeedPrice(string Exchange, string Symbol, string Reason) : LastPriceReply(Exchange, Symbol);

    /// <summary>An immutable snapshot of one feed.</summary>
    /// <param name="Reason">Why the feed entered its state.</param>
    /// <param name="Endpoint">The endpoint it streams from, or is trying to reach.</param>
    /// <param name="FailedAttempts">Failed attempts on that endpoint since the connection was lost.</param>
    /// <param name="Prices">The last price of each symbol traded so far, with its age.</param>
    public sealed record Status(
        string Exchange,
        FeedState State,
        string Reason,
        DateTimeOffset Since,
        Uri Endpoint,
        int FailedAttempts,
        int Subscribers,
        FeedCounts Counts,
        IReadOnlyList<FeedPrice> Prices,
        FeedSettings Settings);
}
