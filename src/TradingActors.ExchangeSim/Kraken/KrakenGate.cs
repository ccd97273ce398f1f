using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.Kraken;

/// <summary>
/// The way into Kraken's REST API (/0): injects the faults that do not depend on what the endpoint does
/// (latency, hang, 5xx, malformed body) and writes every refusal as Kraken does, <c>{"error":["..."],"result":{}}</c>.
/// AddOrder decides its own 5xx around the execution; the rate limit is spent per key once a call is authenticated.
/// </summary>
internal sealed class KrakenGate(RequestDelegate next, ExchangeFaults faults, FaultDice dice, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context) =>
        GateEntry.EnterAsync(context, "/0", next, lifetime, request => PassAsync(request, faults.Current));

    private async Task PassAsync(HttpContext context, FaultSettings current)
    {
        var latency = current.Latency + dice.UpTo(current.Jitter);
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, context.RequestAborted);
        if (dice.Roll(current.Hang))
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        var placesOrders = context.GetEndpoint()?.Metadata.GetMetadata<PlacesOrders>() is not null;
        if (!placesOrders && dice.Roll(current.Other5xx))
        {
            await WriteAsync(context, KrakenError.Unavailable());
            return;
        }
        if (dice.Roll(current.Malformed))
            await RespondMalformedAsync(context);
        else
            await RespondAsync(context);
    }

    /// <summary>Serves the request; false when it was refused, which Kraken too answers with a 200.</summary>
    private async Task<bool> RespondAsync(HttpContext context)
    {
        try
        {
            await next(context);
            return true;
        }
        catch (KrakenError error)
        {
            await WriteAsync(context, error);
        }
        catch (ExchangeError error)
        {
            await WriteAsync(context, KrakenError.From(error));
        }
        return false;
    }

    // The request is served as usual (an order executes); only a successful reply's body is broken on the way out.
    private async Task RespondMalformedAsync(HttpContext context)
    {
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        bool served;
        try
        {
            served = await RespondAsync(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        var bytes = served && context.Response.StatusCode == StatusCodes.Status200OK ? MalformedBody.Of(buffer.ToArray(), dice) : buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await body.WriteAsync(bytes, context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, KrakenError error)
    {
        context.Response.StatusCode = error.Status;
        return context.Response.WriteAsJsonAsync(new KrakenReply<object>([error.Message], new { }), context.RequestAborted);
    }
}
