using System.Globalization;
using System.Net;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// Kraken's error strings sorted into the engine's three buckets: definitive (the exchange refused, nothing
/// executed: a rejection), transient and provably not executed, and unknown outcome. Kraken answers nearly every
/// refusal with HTTP 200 and the string in the reply's <c>error</c> array; it sends no Retry-After, so a rate
/// limit's wait comes from the client's own estimate of the counter that refused.
/// </summary>
internal static class KrakenErrors
{
    public const string InvalidNonce = "EAPI:Invalid nonce";

    public static Exception From(HttpStatusCode status, IReadOnlyList<string> errors, CallCounterEstimate? counter, bool isOrder, TimeProvider clock)
    {
        var error = errors[0];
        var detail = (int)status == 200 ? string.Join("; ", errors) : $"HTTP {(int)status}: {string.Join("; ", errors)}";
        return error switch
        {
            "EAPI:Rate limit exceeded" or "EOrder:Rate limit exceeded" => RateLimited(detail, counter),
            _ when error.StartsWith("EService:Throttled", StringComparison.Ordinal) =>
                Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, detail, ThrottledUntil(error, clock)),
            "EGeneral:Temporary lockout" => Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, detail, null),
            // Refused before anything ran: a nonce that lost the race with a later one, safe to send again with a new one.
            InvalidNonce => Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, detail, null),
            "EAPI:Invalid key" or "EAPI:Invalid signature" or "EGeneral:Permission denied" or "EAPI:Feature disabled" =>
                Rejection(RejectionReason.Unauthorized, detail),
            "EQuery:Unknown asset pair" => Rejection(RejectionReason.UnknownSymbol, detail),
            "EOrder:Unknown order" => Rejection(RejectionReason.UnknownOrder, detail),
            "EOrder:Insufficient funds" => Rejection(RejectionReason.InsufficientFunds, detail),
            "EOrder:Duplicate order" => Rejection(RejectionReason.DuplicateOrder, detail),
            _ when error.StartsWith("EGeneral:Invalid arguments", StringComparison.Ordinal) => Rejection(RejectionReason.InvalidOrder, detail),
            _ when error.StartsWith("EOrder:", StringComparison.Ordinal) => Rejection(RejectionReason.InvalidOrder, detail),
            // EService:Unavailable, EService:Busy, EService:Deadline elapsed, EGeneral:Internal error, and what else the
            // exchange answers when it is failing: an order may have been executed before it failed to say so.
            _ => Unexpected(detail, isOrder),
        };
    }

    /// <summary>A failure status whose body holds no Kraken error: a gateway's or a proxy's page.</summary>
    public static Exception FromStatus(HttpStatusCode status, string body, bool isOrder) =>
        (int)status is 429 or 420
            ? Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, $"HTTP {(int)status}: {body}", null)
            : Unexpected($"HTTP {(int)status}: {body}", isOrder);

    private static ExchangeFailureException RateLimited(string detail, CallCounterEstimate? counter)
    {
        counter?.Full();
        return Failure(FailureKind.RateLimited, ExecutionOutcome.NotExecuted, detail, counter?.UntilRoomFor(1));
    }

    private static ExchangeFailureException Unexpected(string detail, bool isOrder) => isOrder
        ? Failure(FailureKind.ServerError, ExecutionOutcome.Unknown, $"failed around an order ({detail})", null)
        : Failure(FailureKind.ServerError, ExecutionOutcome.NotExecuted, detail, null);

    // "EService:Throttled: 1700000000": too many requests in flight, try again from that Unix time on.
    private static TimeSpan? ThrottledUntil(string error, TimeProvider clock) =>
        long.TryParse(error.AsSpan(error.LastIndexOf(':') + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) - clock.GetUtcNow()
            : null;

    private static ExchangeFailureException Failure(FailureKind kind, ExecutionOutcome outcome, string detail, TimeSpan? retryAfter) =>
        new(kind, outcome, detail, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    private static ExchangeRejectionException Rejection(RejectionReason reason, string detail) => new(reason, detail);
}
