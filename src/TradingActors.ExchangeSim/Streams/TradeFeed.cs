using System.Collections.Immutable;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>Hands every trade of one exchange to its open stream sockets; each takes the symbols it subscribed to.</summary>
internal sealed class TradeFeed
{
    private ImmutableList<ITradeSubscriber> _subscribers = [];

    public void Join(ITradeSubscriber subscriber) => ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscriber));

    public void Leave(ITradeSubscriber subscriber) => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber));

    public void Publish(Trade trade)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
            subscriber.Offer(trade);
    }
}
