using System.Runtime.CompilerServices;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// What the Kraken dialect keeps for one exchange beyond its market: the pairs' names, the keys' nonces, the
/// two call counters (the REST API's, and the trading engine's that AddOrder and CancelOrder spend) and the
/// WebSocket tokens handed out.
/// An outage rebuilds the web application, so it is kept beside the exchange's market, which outlives it.
/// </summary>
internal sealed class KrakenExchange
{
    private static readonly ConditionalWeakTable<Market, KrakenExchange> Exchanges = new();

    private KrakenExchange(Market market, Authenticator authenticator, WeightLimiter limiter, TimeProvider clock)
    {
        Pairs = new KrakenPairs(market);
        Keys = new KrakenKeys(authenticator);
        CounterMaximum = limiter.Budget;
        ApiCounter = new CallCounter(limiter.Window, clock);
        TradingCounter = new CallCounter(limiter.Window, clock);
        Tokens = new KrakenTokens(clock);
    }

    public KrakenPairs Pairs { get; }
    public KrakenKeys Keys { get; }

    /// <summary>The most a counter may reach: the exchange's weight budget.</summary>
    public int CounterMaximum { get; }

    public CallCounter ApiCounter { get; }
    public CallCounter TradingCounter { get; }
    public KrakenTokens Tokens { get; }

    public static KrakenExchange Of(Market market, Authenticator authenticator, WeightLimiter limiter, TimeProvider clock) =>
        Exchanges.GetValue(market, _ => new KrakenExchange(market, authenticator, limiter, clock));
}
