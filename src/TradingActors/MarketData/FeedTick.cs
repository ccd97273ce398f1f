namespace TradingActors.MarketData;

/// <summary>
/// One trade from an exchange's stream, as a feed hands it to its subscribers: each (endpoint, symbol,
/// trade id) at most once, in the order the endpoint sent them.
/// </summary>
/// <param name="ReceivedAt">When the feed received it, by the actor system's clock.</param>
/// <param name="Endpoint">The stream endpoint it came from; trade ids are numbered per endpoint.</param>
public sealed record FeedTick(
    string Exchange, string Symbol, long TradeId, decimal Price, decimal Quantity,
    DateTimeOffset TradedAt, DateTimeOffset ReceivedAt, Uri Endpoint);

/// <summary>
/// Published on the EventStream when trade ids jump: the trades from <paramref name="Expected"/> to just
/// before <paramref name="Received"/> were lost (a dropped socket, a stall, a torn frame) and are not coming.
/// </summary>
public sealed record FeedGap(string Exchange, string Symbol, long Expected, long Received, Uri Endpoint, DateTimeOffset At)
{
    public long Missed => Received - Expected;
}
