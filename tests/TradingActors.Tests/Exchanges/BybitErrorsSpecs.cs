using System.Net;
using System.Net.Http.Headers;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Bybit;

namespace TradingActors.Tests.Exchanges;

/// <summary>Bybit's replies sorted into the engine's three buckets, row by row of the connector's error table.</summary>
public sealed class BybitErrorsSpecs
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Theory]
    [InlineData(10001, "Not supported symbols", RejectionReason.UnknownSymbol)]
    [InlineData(10001, "params error: symbol invalid", RejectionReason.UnknownSymbol)]
    [InlineData(170121, "Invalid symbol.", RejectionReason.UnknownSymbol)]
    [InlineData(10001, "params error: qty invalid", RejectionReason.InvalidOrder)]
    [InlineData(10003, "API key is invalid.", RejectionReason.Unauthorized)]
    [InlineData(10004, "Error sign, please check your signature generation algorithm.", RejectionReason.Unauthorized)]
    [InlineData(10005, "Permission denied, please check your API key permissions.", RejectionReason.Unauthorized)]
    [InlineData(110007, "Insufficient available balance.", RejectionReason.InsufficientFunds)]
    [InlineData(170131, "Insufficient balance.", RejectionReason.InsufficientFunds)]
    [InlineData(110072, "OrderLinkedID is duplicate.", RejectionReason.DuplicateOrder)]
    [InlineData(110001, "Order does not exist.", RejectionReason.UnknownOrder)]
    [InlineData(170213, "Order does not exist.", RejectionReason.UnknownOrder)]
    [InlineData(170136, "Order quantity exceeded lower limit.", RejectionReason.InvalidOrder)]
    public void A_refusal_is_a_rejection_with_its_reason(int retCode, string message, RejectionReason reason)
    {
        var rejected = Assert.IsType<ExchangeRejectionException>(BybitErrors.FromRetCode(retCode, message, Headers(), isOrder: true, Now));

        Assert.Equal(reason, rejected.Reason);
    }

    [Theory]
    [InlineData(10000, "Server Timeout")]
    [InlineData(10016, "Server error.")]
    public void A_server_error_leaves_the_outcome_unknown_even_for_a_query(int retCode, string message)
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromRetCode(retCode, message, Headers(), isOrder: false, Now));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
    }

    [Fact]
    public void Too_many_visits_did_not_execute_and_waits_until_the_reported_reset()
    {
        var headers = Headers(("X-Bapi-Limit-Reset-Timestamp", "1700000000250"));

        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromRetCode(10006, "Too many visits!", headers, isOrder: true, Now));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromMilliseconds(250)), (failed.Kind, failed.Outcome, failed.RetryAfter));
    }

    [Fact]
    public void Too_many_visits_without_a_reset_time_waits_Bybit_s_one_second_window()
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromRetCode(10006, "Too many visits!", Headers(), isOrder: true, Now));

        Assert.Equal(TimeSpan.FromSeconds(1), failed.RetryAfter);
    }

    [Fact]
    public void A_timestamp_outside_the_recv_window_did_not_execute()
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromRetCode(10002, "invalid request", Headers(), isOrder: true, Now));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.NotExecuted), (failed.Kind, failed.Outcome));
    }

    [Theory]
    [InlineData(true, ExecutionOutcome.Unknown)]
    [InlineData(false, ExecutionOutcome.NotExecuted)]
    public void An_unknown_code_is_unknown_only_for_an_order(bool isOrder, ExecutionOutcome outcome)
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromRetCode(99999, "?", Headers(), isOrder, Now));

        Assert.Equal(outcome, failed.Outcome);
    }

    [Fact]
    public void The_IP_limit_s_403_did_not_execute_and_waits_the_ten_minutes_Bybit_asks()
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromStatus(HttpStatusCode.Forbidden, "access too frequent", Headers(), isOrder: true));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromMinutes(10)), (failed.Kind, failed.Outcome, failed.RetryAfter));
    }

    [Fact]
    public void A_gateway_5xx_leaves_the_outcome_unknown()
    {
        var failed = Assert.IsType<ExchangeFailureException>(BybitErrors.FromStatus(HttpStatusCode.BadGateway, "<html>", Headers(), isOrder: false));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response.Headers;
    }
}
