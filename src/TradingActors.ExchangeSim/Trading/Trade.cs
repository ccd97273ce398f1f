namespace TradingActors.ExchangeSim.Trading;

/// <summary>One print on a symbol's tape; <see cref="Id"/> grows by exactly one per symbol, as Binance's trade id does.</summary>
internal sealed record Trade(string Symbol, long Id, decimal Price, decimal Quantity, DateTimeOffset Time, bool BuyerIsMaker)
{
    public string StreamName => StreamNameOf(Symbol);

    public static string StreamNameOf(string symbol) => $"{symbol.ToLowerInvariant()}@trade";
}
