using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Trading;

/// <summary>The simulator charges no commission, but names the asset it would be in: the one the order receives, as Binance charges it.</summary>
internal static class Commission
{
    public static string AssetOf(OrderSide side, SymbolOptions symbol) => side == OrderSide.Buy ? symbol.BaseAsset : symbol.QuoteAsset;
}
