using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>Kraken's public endpoints: the server's time, the system's status, and the ticker of some pairs or of all.</summary>
internal static class KrakenMarketData
{
    public static void MapKrakenMarketData(this IEndpointRouteBuilder app, KrakenExchange kraken)
    {
        app.MapGet("/0/public/Time", (TimeProvider clock) => Ok(new
        {
            unixtime = clock.GetUtcNow().ToUnixTimeSeconds(),
            rfc1123 = clock.GetUtcNow().ToString("ddd, d MMM yy HH:mm:ss +0000", CultureInfo.InvariantCulture),
        }));
        app.MapGet("/0/public/SystemStatus", (TimeProvider clock) => Ok(new
        {
            status = "online",
            timestamp = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }));
        app.MapGet("/0/public/Ticker", (HttpRequest request, Market market) => Ticker(request, market, kraken.Pairs));
    }

    public static IResult Ok<T>(T result) => Results.Json(new KrakenReply<T>([], result));

    // The reply is keyed by each pair's REST name, whichever name the request used.
    private static IResult Ticker(HttpRequest request, Market market, KrakenPairs pairs)
    {
        var asked = request.Query["pair"].ToString();
        var symbols = asked.Length == 0 ? market.Symbols : asked.Split(',').Select(pairs.SymbolOf).ToList();
        return Ok(symbols.Distinct().ToDictionary(pairs.NameOf, symbol => TickerOf(market.PriceOf(symbol))));
    }

    private static KrakenTicker TickerOf(decimal price)
    {
        var last = Wire.Amount(price);
        return new KrakenTicker([last, "1", Wire.Amount(1)], [last, "1", Wire.Amount(1)], [last, Wire.Amount(0)]);
    }
}
