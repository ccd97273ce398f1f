using System.Collections.Immutable;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// Hands every order update of one exchange to its open WebSocket API sessions, each of which sends it to
/// the subscription that follows the order's account.
/// </summary>
internal sealed class UserDataFeed
{
    private ImmutableList<ApiSession> _sessions = [];

    public void Join(ApiSession session) => ImmutableInterlocked.Update(ref _sessions, list => list.Add(session));

    public void Leave(ApiSession session) => ImmutableInterlocked.Update(ref _sessions, list => list.Remove(session));

    public void Publish(OrderUpdate update)
    {
        foreach (var session in Volatile.Read(ref _sessions))
            session.Offer(update);
    }
}
