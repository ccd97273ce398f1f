using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>Binance's WebSocket API at /ws-api/v3, where today's spot user data stream is subscribed to.</summary>
internal static class WebSocketApiEndpoints
{
    public static void MapWebSocketApi(this IEndpointRouteBuilder app) => app.Map("/ws-api/v3", ServeAsync);

    private static async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var services = context.RequestServices;
        var feed = services.GetRequiredService<UserDataFeed>();
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new ApiSession(context, services.GetRequiredService<ApiRequests>(), services.GetRequiredService<Market>());
        feed.Join(session);
        try
        {
            // Stopping is also how an outage closes the sessions: the exchange's server stops.
            await session.ServeAsync(socket, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        }
        finally
        {
            feed.Leave(session);
        }
    }
}
