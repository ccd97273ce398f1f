using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>Reads AddOrder's parameters into the market's order request, refusing a malformed one as Kraken does.</summary>
internal static class KrakenOrderForm
{
    private const int MaxFreeTextLength = 18;

    public static OrderRequest Parse(KrakenForm form, KrakenPairs pairs)
    {
        var symbol = pairs.SymbolOf(form.Required("pair"));
        var side = form.Required("type") switch
        {
            "buy" => OrderSide.Buy,
            "sell" => OrderSide.Sell,
            _ => throw KrakenError.InvalidArguments("type"),
        };
        var type = form.Required("ordertype") switch
        {
            "market" => OrderType.Market,
            "limit" => OrderType.Limit,
            _ => throw KrakenError.InvalidArguments("ordertype"),
        };
        var timeInForce = form.Optional("timeinforce") switch
        {
            null or "GTC" => TimeInForce.Gtc,
            "IOC" => TimeInForce.Ioc,
            _ => throw KrakenError.InvalidArguments("timeinforce"),
        };
        var price = type == OrderType.Limit ? form.RequiredDecimal("price") : 0;
        return new OrderRequest(symbol, side, type, timeInForce, form.RequiredDecimal("volume"), price, ClientOrderId(form));
    }

    /// <summary>Kraken's three forms of cl_ord_id: a UUID with or without its dashes, or free text of up to 18 characters.</summary>
    public static string? ClientOrderId(KrakenForm form)
    {
        var id = form.Optional("cl_ord_id");
        if (id is null)
            return null;
        var uuid = (id.Length == 36 || id.Length == 32) && Guid.TryParse(id, out _);
        return uuid || (id.Length <= MaxFreeTextLength && id.All(c => c is > ' ' and <= '~'))
            ? id
            : throw KrakenError.InvalidArguments("cl_ord_id");
    }
}
