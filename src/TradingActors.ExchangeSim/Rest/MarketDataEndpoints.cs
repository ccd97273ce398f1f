using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>The public, unsigned endpoints: ping, server time, and the latest price of a symbol, of some or of all.</summary>
internal static class MarketDataEndpoints
{
    public static void MapMarketData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v3/ping", () => Results.Json(new { })).WithWeight(1);
        app.MapGet("/api/v3/time", (TimeProvider clock) => Results.Json(new { serverTime = Wire.Millis(clock.GetUtcNow()) })).WithWeight(1);
        app.MapGet("/api/v3/ticker/price", TickerPriceAsync).WithWeight(request => request.Query.ContainsKey("symbol") ? 2 : 4);
    }

    // One symbol answers an object; symbols, or neither, an array.
    private static async Task<IResult> TickerPriceAsync(HttpRequest request, Market market)
    {
        var parameters = await RequestParameters.ReadAsync(request);
        return (parameters.Optional("symbol"), parameters.Optional(SymbolList.Parameter)) switch
        {
            ({ }, { }) => throw ExchangeError.OptionalParametersCombination(),
            ({ } symbol, null) => Results.Json(PriceOf(market, symbol)),
            (null, { } symbols) => Results.Json(SymbolList.Parse(symbols).Select(listed => PriceOf(market, listed)).ToList()),
            (null, null) => Results.Json(market.Symbols.Select(listed => PriceOf(market, listed)).ToList()),
        };
    }

    private static TickerPriceResponse PriceOf(Market market, string symbol) => new(symbol, Wire.Amount(market.PriceOf(symbol)));

    private sealed record TickerPriceResponse(string Symbol, string Price);
}
