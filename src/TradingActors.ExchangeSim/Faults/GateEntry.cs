using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace TradingActors.ExchangeSim.Faults;

/// <summary>
/// How every dialect's gate lets a REST request in: only under its API's path (anything else, the streams among
/// them, goes straight on), and with whatever the request waits on ended when the exchange stops, so that an
/// outage closes the port at once.
/// </summary>
internal static class GateEntry
{
    /// <param name="pass">The gate's own work on a request under <paramref name="apiPath"/>: its faults, its rate limit, its refusals.</param>
    public static async Task EnterAsync(HttpContext context, string apiPath, RequestDelegate next, IHostApplicationLifetime lifetime,
        Func<HttpContext, Task> pass)
    {
        if (!context.Request.Path.StartsWithSegments(apiPath) || context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }
        var clientAborted = context.RequestAborted;
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, lifetime.ApplicationStopping);
        context.RequestAborted = abandoned.Token;
        try
        {
            await pass(context);
        }
        catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
        {
            // The client gave up or the exchange is going down: the connection ends without an answer.
            context.Abort();
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }
    }
}
