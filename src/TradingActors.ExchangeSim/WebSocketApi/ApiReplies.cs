using System.Text.Json;
using System.Text.Json.Serialization;
using TradingActors.ExchangeSim.Rest;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// Binance's WebSocket API replies: {"id","status":200,"result","rateLimits"} and
/// {"id","status","error":{"code","msg"},"rateLimits"}, the id echoed as the request sent it.
/// </summary>
internal static class ApiReplies
{
    /// <summary>The id of a request that sent none, or that could not be read.</summary>
    public static readonly JsonElement NoId = JsonDocument.Parse("null").RootElement;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Success(JsonElement id, object result, IReadOnlyList<RateLimit> rateLimits) =>
        JsonSerializer.Serialize(new SuccessReply(id, 200, result, rateLimits), Options);

    /// <param name="rateLimits">Null for a request that spent no weight: one that could not be read, or of an unknown method.</param>
    public static string Failure(JsonElement id, ExchangeError error, IReadOnlyList<RateLimit>? rateLimits) =>
        JsonSerializer.Serialize(new FailureReply(id, error.Status, new ErrorBody(error.Code, error.Message, Data: null), rateLimits), Options);

    /// <summary>A refusal of the weight limit (429, or 418 for a ban), which says when the client may call again.</summary>
    public static string Limited(JsonElement id, ExchangeError refusal, IReadOnlyList<RateLimit> rateLimits, DateTimeOffset now, TimeSpan retryAfter) =>
        JsonSerializer.Serialize(new FailureReply(id, refusal.Status,
            new ErrorBody(refusal.Code, refusal.Message, new RetryData(Wire.Millis(now), Wire.Millis(now + retryAfter))), rateLimits), Options);

    /// <summary>The REQUEST_WEIGHT entry of every reply to a request that spent weight: the budget, its window, and what the window has used.</summary>
    public static IReadOnlyList<RateLimit> RateLimits(WeightVerdict verdict, TimeSpan window)
    {
        var (interval, count) = IntervalOf(window);
        return [new RateLimit("REQUEST_WEIGHT", interval, count, verdict.Budget, verdict.Used)];
    }

    // Binance names a window by its unit and a multiple of it; a window that is no whole number of seconds is shown rounded up.
    private static (string Interval, int Count) IntervalOf(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerDay == 0 ? ("DAY", (int)window.TotalDays)
        : window.Ticks % TimeSpan.TicksPerHour == 0 ? ("HOUR", (int)window.TotalHours)
        : window.Ticks % TimeSpan.TicksPerMinute == 0 ? ("MINUTE", (int)window.TotalMinutes)
        : ("SECOND", (int)Math.Ceiling(window.TotalSeconds));

    internal sealed record RateLimit(string RateLimitType, string Interval, int IntervalNum, int Limit, int Count);

    private sealed record SuccessReply(JsonElement Id, int Status, object Result, IReadOnlyList<RateLimit> RateLimits);

    private sealed record FailureReply(JsonElement Id, int Status, ErrorBody Error, IReadOnlyList<RateLimit>? RateLimits);

    private sealed record ErrorBody(int Code, string Msg, RetryData? Data);

    private sealed record RetryData(long ServerTime, long RetryAfter);
}
