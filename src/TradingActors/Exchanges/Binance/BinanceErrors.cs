using System.Net;
using System.Net.Http.Headers;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// Binance's error replies sorted into the engine's three buckets: definitive (the exchange refused,
/// nothing executed: a rejection), transient and provably not executed, and unknown outcome.
/// </summary>
internal static class BinanceErrors
{
    public static Exception From(HttpStatusCode status, int? code, string message, HttpResponseHeaders headers, bool isOrder)
    {
        var retryAfter = headers.RetryAfter?.Delta ?? (headers.RetryAfter?.Date - DateTimeOffset.UtcNow);
        var detail = code is null ? $"HTTP {(int)status}: {message}" : $"{code}: {message}";
        return (status, code) switch
        {
            ((HttpStatusCode)418, _) => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"banned for calling while limited ({detail})", retryAfter),
            (HttpStatusCode.TooManyRequests, _) or (_, -1003) => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, detail, retryAfter),
            (_, -1021) => Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, $"timestamp outside the recvWindow ({detail})", null),
            (HttpStatusCode.Unauthorized, _) or (_, -1022 or -2014 or -2015) => Rejection(RejectionReason.Unauthorized, detail),
            (_, -1121) => Rejection(RejectionReason.UnknownSymbol, detail),
            (_, -2011 or -2013) => Rejection(RejectionReason.UnknownOrder, detail),
            (_, -2010) when message.Contains("insufficient balance", StringComparison.OrdinalIgnoreCase) => Rejection(RejectionReason.InsufficientFunds, detail),
            (_, -2010) when message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) => Rejection(RejectionReason.DuplicateOrder, detail),
            (_, -2010 or -1013 or (<= -1100 and >= -1199)) => Rejection(RejectionReason.InvalidOrder, detail),
            // 5xx and -1006/-1007: the exchange may have executed the request before it failed to say so.
            _ when (int)status >= 500 || code is -1006 or -1007 => Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, detail, retryAfter),
            _ => isOrder
                ? Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, $"unexpected reply to an order ({detail})", retryAfter)
                : Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, $"unexpected reply ({detail})", retryAfter),
        };
    }

    private static ExchangeFailureException Failure(FailureKind kind, ExecutionOutcome outcome, string detail, TimeSpan? retryAfter) =>
        new(kind, outcome, detail, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    private static ExchangeRejectionException Rejection(RejectionReason reason, string detail) => new(reason, detail);
}
