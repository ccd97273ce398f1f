using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using TradingActors.ExchangeSim.Faults;

namespace TradingActors.ExchangeSim.Rest;

/// <summary>
/// The way into the REST API (/api): spends request weight, injects the faults that do not depend on
/// what the endpoint does (latency, hang, 5xx, malformed body), and writes the exchange's refusals in
/// Binance's shape. Order placement decides its own 5xx around the execution.
/// </summary>
internal sealed class FaultGate(RequestDelegate next, ExchangeFaults faults, FaultDice dice, WeightLimiter limiter, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context) =>
        GateEntry.EnterAsync(context, "/api", next, lifetime, request => PassAsync(request, faults.Current));

    private async Task PassAsync(HttpContext context, FaultSettings current)
    {
        var weight = context.GetEndpoint()?.Metadata.GetMetadata<RequestWeight>() ?? RequestWeight.Default;
        var verdict = limiter.Spend(weight.Of(context.Request), current.WeightBudget);
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = verdict.Used.ToString(CultureInfo.InvariantCulture);
        if (verdict.Refusal is { } refusal)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(verdict.RetryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, refusal);
            return;
        }

        var latency = current.Latency + dice.UpTo(current.Jitter);
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, context.RequestAborted);
        if (dice.Roll(current.Hang))
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        var placesOrders = context.GetEndpoint()?.Metadata.GetMetadata<PlacesOrders>() is not null;
        if (!placesOrders && dice.Roll(current.Other5xx))
        {
            await WriteAsync(context, ExchangeError.BackendTimeout());
            return;
        }
        if (dice.Roll(current.Malformed))
            await RespondMalformedAsync(context);
        else
            await RespondAsync(context);
    }

    private async Task RespondAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ExchangeError error)
        {
            await WriteAsync(context, error);
        }
    }

    // The request is served as usual (an order executes); only a successful reply's body is broken on the way out.
    private async Task RespondMalformedAsync(HttpContext context)
    {
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await RespondAsync(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        var bytes = context.Response.StatusCode == StatusCodes.Status200OK ? MalformedBody.Of(buffer.ToArray(), dice) : buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await body.WriteAsync(bytes, context.RequestAborted);
    }

    private static Task WriteAsync(HttpContext context, ExchangeError error)
    {
        context.Response.StatusCode = error.Status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(error.Code, error.Message), context.RequestAborted);
    }

    private sealed record ErrorBody(int Code, string Msg);
}
