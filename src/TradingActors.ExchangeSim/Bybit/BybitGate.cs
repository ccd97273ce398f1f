using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>
/// The way into Bybit's REST API (/v5): spends one request of the exchange's budget, injects the faults that do not
/// depend on what the endpoint does (latency, hang, server error, malformed body), and writes every refusal in
/// Bybit's shape. Order creation decides its own server errors around the execution.
/// </summary>
internal sealed class BybitGate(RequestDelegate next, ExchangeFaults faults, FaultDice dice, WeightLimiter limiter, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    public Task InvokeAsync(HttpContext context) =>
        GateEntry.EnterAsync(context, "/v5", next, lifetime, request => PassAsync(request, faults.Current));

    private async Task PassAsync(HttpContext context, FaultSettings current)
    {
        // Bybit counts requests, not weights: each one spends one of the budget. Public requests spend it too here, so their
        // replies report it as well; Bybit's own report the per-account limit on private replies only.
        var verdict = limiter.Spend(1, current.WeightBudget);
        ReportUsage(context.Response, verdict);
        if (verdict.Refusal is { } refusal)
        {
            // Binance's ban (418) is Bybit's IP limit; its 429 is Bybit's per-account limit. Bybit's 403 says nothing of
            // how long it lasts (its docs ask for 10 minutes); the simulator's ban has a length, and says it.
            if (refusal.Status == 418)
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(verdict.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await BybitWire.WriteAsync(context, refusal.Status == 418 ? BybitError.AccessTooFrequent() : BybitError.TooManyVisits(), clock);
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
            await BybitWire.WriteAsync(context, BybitError.ServerError(), clock);
            return;
        }
        if (dice.Roll(current.Malformed))
            await RespondMalformedAsync(context);
        else
            await RespondAsync(context);
    }

    private void ReportUsage(HttpResponse response, WeightVerdict verdict)
    {
        var now = clock.GetUtcNow();
        // Bybit's reset time is the next window's start once the limit is hit, and the server's time until then.
        var reset = verdict.Refusal is null ? now : now + verdict.RetryAfter;
        response.Headers["X-Bapi-Limit"] = verdict.Budget.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Bapi-Limit-Status"] = Math.Max(0, verdict.Budget - verdict.Used).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-Bapi-Limit-Reset-Timestamp"] = BybitWire.MillisText(reset);
    }

    /// <summary>Serves the request; false when it was refused (Bybit refuses with a 200 too).</summary>
    private async Task<bool> RespondAsync(HttpContext context)
    {
        try
        {
            await next(context);
            return true;
        }
        catch (BybitError error)
        {
            await BybitWire.WriteAsync(context, error, clock);
        }
        catch (ExchangeError error)
        {
            await BybitWire.WriteAsync(context, BybitError.From(error), clock);
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
}
