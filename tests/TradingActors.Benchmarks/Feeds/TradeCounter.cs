using Akka.Actor;
using TradingActors.MarketData;

namespace TradingActors.Benchmarks.Feeds;

/// <summary>A feed's subscriber that does nothing with a tick but count it and time its delivery.</summary>
internal sealed class TradeCounter : ReceiveActor
{
    public TradeCounter(Deliveries deliveries) => Receive<FeedTick>(tick => deliveries.Received(tick.TradeId));

    public static Props Props(Deliveries deliveries) => Akka.Actor.Props.Create(() => new TradeCounter(deliveries));
}
