using System.Collections.Concurrent;
using Akka.Actor;
using TradingActors.MarketData;

namespace TradingActors.IntegrationTests.MarketData;

/// <summary>A feed's subscriber that keeps every tick it receives, for the test to read from its own thread.</summary>
internal sealed class TickRecorder : ReceiveActor
{
    public TickRecorder(ConcurrentQueue<FeedTick> ticks) => Receive<FeedTick>(ticks.Enqueue);

    public static Props Props(ConcurrentQueue<FeedTick> ticks) => Akka.Actor.Props.Create(() => new TickRecorder(ticks));
}
