using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>A socket that takes the exchange's trades, in whatever dialect it speaks: each keeps those of the symbols it subscribed to.</summary>
internal interface ITradeSubscriber
{
    void Offer(Trade trade);
}
