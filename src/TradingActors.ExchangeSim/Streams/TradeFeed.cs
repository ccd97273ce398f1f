using System.Collections.Immutable;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>Hands every trade of one exchange to its open stream connections; each takes the symbols it subscribed to.</summary>
internal sealed class TradeFeed
{
    private ImmutableList<StreamConnection> _connections = [];

    public void Join(StreamConnection connection) => ImmutableInterlocked.Update(ref _connections, list => list.Add(connection));

    public void Leave(StreamConnection connection) => ImmutableInterlocked.Update(ref _connections, list => list.Remove(connection));

    public void Publish(Trade trade)
    {
        foreach (var connection in Volatile.Read(ref _connections))
            connection.Offer(trade);
    }
}
