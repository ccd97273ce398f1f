using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>The public endpoints: the server time (Bybit's ping) and the spot tickers.</summary>
internal static class BybitMarketData
{
    public static void MapBybitMarketData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v5/market/time", (TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nanos = ((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(CultureInfo.InvariantCulture);
            return BybitWire.Ok(new ServerTime(seconds, nanos), clock);
        });
        app.MapGet("/v5/market/tickers", TickersOf);
    }

    // One symbol, or every symbol listed; the simulator's book has no spread, so bid and ask are the last price.
    private static IResult TickersOf(HttpRequest request, Market market, TimeProvider clock)
    {
        if (request.Query["category"].ToString() is not { Length: > 0 } category)
            throw BybitError.ParameterError("category is required");
        BybitOrderRequest.Spot(category);
        var symbol = request.Query["symbol"].ToString();
        var symbols = symbol.Length > 0 ? [market.Symbol(symbol).Symbol] : market.Symbols.ToList();
        return BybitWire.Ok(new Tickers("spot", symbols.Select(listed => Ticker.Of(listed, market.PriceOf(listed))).ToList()), clock);
    }

    private sealed record ServerTime(string TimeSecond, string TimeNano);

    private sealed record Tickers(string Category, IReadOnlyList<Ticker> List);

    private sealed record Ticker(
        string Symbol, string Bid1Price, string Bid1Size, string Ask1Price, string Ask1Size, string LastPrice,
        string PrevPrice24h, string Price24hPcnt, string HighPrice24h, string LowPrice24h, string Turnover24h, string Volume24h)
    {
        public static Ticker Of(string symbol, decimal price)
        {
            var text = BybitWire.Amount(price);
            return new Ticker(symbol, text, "0", text, "0", text, text, "0", text, text, "0", "0");
        }
    }
}
