using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>Binance's stream endpoints: /ws/&lt;stream&gt; sends raw events, /stream?streams=a/b wraps them with their stream name.</summary>
internal static class StreamEndpoints
{
    public static void MapTradeStreams(this IEndpointRouteBuilder app)
    {
        app.Map("/ws/{stream?}", (HttpContext context, string? stream) =>
            ServeAsync(context, stream is null ? [] : [stream], combined: false));
        app.Map("/stream", (HttpContext context) =>
            ServeAsync(context, context.Request.Query["streams"].ToString().Split('/', StringSplitOptions.RemoveEmptyEntries), combined: true));
    }

    private static async Task ServeAsync(HttpContext context, string[] streams, bool combined)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var services = context.RequestServices;
        var feed = services.GetRequiredService<TradeFeed>();
        var connection = new StreamConnection(context, combined, streams, services.GetRequiredService<ExchangeFaults>(), services.GetRequiredService<FaultDice>());
        // Joined before the handshake completes: a client that is connected misses no trade.
        feed.Join(connection);
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await connection.ServeAsync(socket, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        }
        finally
        {
            feed.Leave(connection);
        }
    }
}
