using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>A socket that takes the exchange's order updates, in whatever dialect it speaks: each keeps those of the accounts it follows.</summary>
internal interface IOrderUpdateSubscriber
{
    void Offer(OrderUpdate update);

    /// <summary>Closes the socket at once, as a network failure would, if it follows any account's orders.</summary>
    void Drop();
}
