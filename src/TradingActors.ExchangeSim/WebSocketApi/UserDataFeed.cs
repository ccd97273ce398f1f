using System.Collections.Immutable;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// Hands every order update of one exchange to its open private sockets (Binance's WebSocket API sessions, and
/// their Bybit and Kraken counterparts), each of which sends it on if it follows the order's account; and applies
/// the user data faults to them.
/// </summary>
internal sealed class UserDataFeed
{
    private readonly ExchangeFaults _faults;
    private ImmutableList<IOrderUpdateSubscriber> _sessions = [];

    public UserDataFeed(ExchangeFaults faults)
    {
        _faults = faults;
        faults.Changed += DropAllIfFaulted;
    }

    public void Join(IOrderUpdateSubscriber session)
    {
        ImmutableInterlocked.Update(ref _sessions, list => list.Add(session));
        // A session that opens during a drop goes the way of the others; the fault is read after joining,
        // so a drop set meanwhile cannot miss it.
        if (_faults.Current.UserDataDrop)
            session.Drop();
    }

    public void Leave(IOrderUpdateSubscriber session) => ImmutableInterlocked.Update(ref _sessions, list => list.Remove(session));

    public void Publish(OrderUpdate update)
    {
        // Decided as the order changes, not as frames go out: what happens during a stall is lost, a real gap.
        if (_faults.Current.UserDataStall)
            return;
        foreach (var session in Volatile.Read(ref _sessions))
            session.Offer(update);
    }

    private void DropAllIfFaulted()
    {
        if (!_faults.Current.UserDataDrop)
            return;
        foreach (var session in Volatile.Read(ref _sessions))
            session.Drop();
    }
}
