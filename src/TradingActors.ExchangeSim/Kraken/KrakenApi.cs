using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>The exchange in Kraken's dialect: its spot REST API under /0, behind its own gate, and its WebSocket v2 at /v2.</summary>
internal static class KrakenApi
{
    public static void MapKraken(this WebApplication app)
    {
        var services = app.Services;
        var kraken = KrakenExchange.Of(services.GetRequiredService<Market>(), services.GetRequiredService<Authenticator>(),
            services.GetRequiredService<WeightLimiter>(), services.GetRequiredService<TimeProvider>());
        app.UseMiddleware<KrakenGate>();
        app.MapKrakenMarketData(kraken);
        app.MapKrakenTrading(kraken);
        app.MapKrakenStreams(kraken);
    }
}
