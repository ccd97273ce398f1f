using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// Bybit's error replies sorted into the engine's three buckets: definitive (the exchange refused, nothing executed:
/// a rejection), transient and provably not executed, and unknown outcome. Bybit answers most errors with HTTP 200
/// and a non-zero <c>retCode</c>; its IP limit, and its gateways, answer with an HTTP status.
/// </summary>
internal static class BybitErrors
{
    // Bybit's per-account limits count per second; its docs ask a client banned by the IP limit to wait 10 minutes.
    private static readonly TimeSpan AccountWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IpBan = TimeSpan.FromMinutes(10);

    public static Exception FromRetCode(int retCode, string message, HttpResponseHeaders headers, bool isOrder, DateTimeOffset now)
    {
        var detail = $"{retCode}: {message}";
        return retCode switch
        {
            10006 => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"too many visits ({detail})", UntilReset(headers, now) ?? AccountWindow),
            10018 => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"IP rate limit ({detail})", UntilReset(headers, now) ?? IpBan),
            10002 => Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, $"timestamp outside the recv window ({detail})", null),
            10003 or 10004 or 10005 or 10007 or 10010 => Rejection(RejectionReason.Unauthorized, detail),
            // Bybit words an unknown symbol as a parameter error; only the message tells them apart.
            10001 when message.Contains("symbol", StringComparison.OrdinalIgnoreCase) => Rejection(RejectionReason.UnknownSymbol, detail),
            170121 => Rejection(RejectionReason.UnknownSymbol, detail),
            10001 => Rejection(RejectionReason.InvalidOrder, detail),
            110007 or 170131 => Rejection(RejectionReason.InsufficientFunds, detail),
            110072 => Rejection(RejectionReason.DuplicateOrder, detail),
            110001 or 170213 => Rejection(RejectionReason.UnknownOrder, detail),
            // Server timeout and server error: the exchange may have executed the request before it failed to say so.
            10000 or 10016 => Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, detail, null),
            // The trading engine's own refusals (11xxxx derivatives and unified, 17xxxx spot): the order was refused whole.
            >= 110000 and < 200000 => Rejection(RejectionReason.InvalidOrder, detail),
            _ => Unexpected(detail, isOrder),
        };
    }

    public static Exception FromStatus(HttpStatusCode status, string body, HttpResponseHeaders headers, bool isOrder)
    {
        var retryAfter = headers.RetryAfter?.Delta ?? (headers.RetryAfter?.Date - DateTimeOffset.UtcNow);
        var detail = $"HTTP {(int)status}: {body}";
        return status switch
        {
            HttpStatusCode.Forbidden => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"IP rate limit, access too frequent ({detail})", retryAfter ?? IpBan),
            HttpStatusCode.TooManyRequests => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"system frequency protection ({detail})", retryAfter ?? AccountWindow),
            HttpStatusCode.Unauthorized => Rejection(RejectionReason.Unauthorized, detail),
            >= HttpStatusCode.InternalServerError => Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, detail, retryAfter),
            _ => Unexpected(detail, isOrder),
        };
    }

    /// <summary>The reset time of the account's limit, as the time left until it; null when the reply does not say.</summary>
    private static TimeSpan? UntilReset(HttpResponseHeaders headers, DateTimeOffset now) =>
        BybitHeaders.Number(headers, "X-Bapi-Limit-Reset-Timestamp") is { } reset
            // A reset already past (clock skew, a reply that took its time) still means: now, not never.
            ? TimeSpan.FromMilliseconds(Math.Max(1, reset - now.ToUnixTimeMilliseconds()))
            : null;

    private static ExchangeFailureException Unexpected(string detail, bool isOrder) => isOrder
        ? Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, $"unexpected reply to an order ({detail})", null)
        : Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, $"unexpected reply ({detail})", null);

    private static ExchangeFailureException Failure(FailureKind kind, ExecutionOutcome outcome, string detail, TimeSpan? retryAfter) =>
        new(kind, outcome, detail, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    private static ExchangeRejectionException Rejection(RejectionReason reason, string detail) => new(reason, detail);
}

/// <summary>Bybit's numeric response headers.</summary>
internal static class BybitHeaders
{
    public static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { } text
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
