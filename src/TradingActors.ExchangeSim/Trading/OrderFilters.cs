using TradingActors.ExchangeSim.Configuration;

namespace TradingActors.ExchangeSim.Trading;

/// <summary>Binance's symbol filters, each refused with -1013 and the filter's name.</summary>
internal static class OrderFilters
{
    public static void Check(OrderRequest request, SymbolOptions symbol, decimal marketPrice)
    {
        if (request.Quantity < symbol.StepSize || request.Quantity % symbol.StepSize != 0)
            throw ExchangeError.FilterFailure("LOT_SIZE");
        if (request.Type == OrderType.Limit && (request.Price <= 0 || request.Price % symbol.TickSize != 0))
            throw ExchangeError.FilterFailure("PRICE_FILTER");
        var price = request.Type == OrderType.Limit ? request.Price : marketPrice;
        if (request.Quantity * price < symbol.MinNotional)
            throw ExchangeError.FilterFailure("NOTIONAL");
    }
}
