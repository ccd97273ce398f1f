using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TradingActors.ExchangeSim.Bybit;

/// <summary>Every Bybit v5 reply's envelope: <c>retCode</c> 0 and <c>retMsg</c> "OK" on success, the server time in ms.</summary>
internal sealed record BybitEnvelope<T>(int RetCode, string RetMsg, T Result, BybitEmpty RetExtInfo, long Time);

/// <summary>The empty object Bybit sends where it has nothing to say (an error's result, retExtInfo).</summary>
internal sealed record BybitEmpty
{
    public static readonly BybitEmpty Value = new();
}

/// <summary>How Bybit writes values: amounts as plain strings without padding zeros, times in epoch ms.</summary>
internal static class BybitWire
{
    public static string Amount(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static long Millis(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public static string MillisText(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static IResult Ok<T>(T result, TimeProvider clock) =>
        Results.Json(new BybitEnvelope<T>(0, "OK", result, BybitEmpty.Value, Millis(clock)));

    public static Task WriteAsync(HttpContext context, BybitError error, TimeProvider clock)
    {
        context.Response.StatusCode = error.Status;
        if (error.Status != StatusCodes.Status200OK)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(error.Message, context.RequestAborted);
        }
        return context.Response.WriteAsJsonAsync(
            new BybitEnvelope<BybitEmpty>(error.RetCode, error.Message, BybitEmpty.Value, BybitEmpty.Value, Millis(clock)), context.RequestAborted);
    }
}
