using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>The exchange in Bybit's dialect: Bybit v5's spot REST API under /v5, behind its own gate, and its WebSocket streams.</summary>
internal static class BybitApi
{
    public static void MapBybit(this WebApplication app)
    {
        var authenticator = BybitAuthenticator.Of(app.Services.GetRequiredService<Authenticator>(), app.Services.GetRequiredService<TimeProvider>());
        app.UseMiddleware<BybitGate>();
        app.MapBybitMarketData();
        app.MapBybitOrders(authenticator);
        app.MapBybitStreams();
    }
}
