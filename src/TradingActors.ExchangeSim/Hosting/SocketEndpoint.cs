using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>How every dialect's WebSocket endpoint takes a client: a session joined to its feeds, served until it goes.</summary>
internal static class SocketEndpoint
{
    public delegate Task Serve(WebSocket socket, CancellationToken stopping);

    /// <param name="open">The client's session, made from the exchange's services: how it is served, and how it joins its feeds and leaves them.</param>
    public static async Task ServeAsync(HttpContext context, Func<IServiceProvider, (Serve Serve, Action Join, Action Leave)> open)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var (serve, join, leave) = open(context.RequestServices);
        // Joined before the handshake completes: a client that is connected misses nothing.
        join();
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            // Stopping is also how an outage closes the sockets: the exchange's server stops.
            await serve(socket, context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        }
        finally
        {
            leave();
        }
    }
}
