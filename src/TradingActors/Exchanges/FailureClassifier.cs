using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;

namespace TradingActors.Exchanges;

/// <summary>Turns what an exchange client threw into the one reply its caller gets.</summary>
internal static class FailureClassifier
{
    public static ExchangeReply Classify(ExchangeRequest request, Exception error) => error switch
    {
        ExchangeRejectionException rejected => new ExchangeRejected(request, rejected.Reason, rejected.Message),
        ExchangeFailureException failed => new ExchangeFailed(request, failed.Kind, failed.Outcome, failed.RetryAfter, failed.Message),
        _ => new ExchangeFailed(request, KindOf(error), OutcomeOf(error), null, error.Message),
    };

    private static FailureKind KindOf(Exception error) => error switch
    {
        TimeoutException or OperationCanceledException => FailureKind.Timeout,
        JsonException or FormatException => FailureKind.MalformedResponse,
        _ => FailureKind.ConnectionFailed,
    };

    // Only a connection that was never made proves that the exchange never saw the request.
    private static ExecutionOutcome OutcomeOf(Exception error) => error switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
            ExecutionOutcome.NotExecuted,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound } =>
            ExecutionOutcome.NotExecuted,
        _ when error.InnerException is { } inner => OutcomeOf(inner),
        _ => ExecutionOutcome.Unknown,
    };
}
