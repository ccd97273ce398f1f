using System.Net;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

/// <summary>Kraken's error strings sorted into the engine's three buckets.</summary>
public sealed class KrakenErrorsSpecs
{
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Theory]
    [InlineData("EOrder:Insufficient funds", RejectionReason.InsufficientFunds)]
    [InlineData("EQuery:Unknown asset pair", RejectionReason.UnknownSymbol)]
    [InlineData("EOrder:Unknown order", RejectionReason.UnknownOrder)]
    [InlineData("EOrder:Duplicate order", RejectionReason.DuplicateOrder)]
    [InlineData("EAPI:Invalid key", RejectionReason.Unauthorized)]
    [InlineData("EAPI:Invalid signature", RejectionReason.Unauthorized)]
    [InlineData("EGeneral:Permission denied", RejectionReason.Unauthorized)]
    [InlineData("EGeneral:Invalid arguments", RejectionReason.InvalidOrder)]
    [InlineData("EGeneral:Invalid arguments:volume", RejectionReason.InvalidOrder)]
    [InlineData("EOrder:Order minimum not met", RejectionReason.InvalidOrder)]
    [InlineData("EOrder:Cost minimum not met", RejectionReason.InvalidOrder)]
    public void A_definitive_refusal_is_a_rejection(string error, RejectionReason reason)
    {
        var rejection = Assert.IsType<ExchangeRejectionException>(From(error, isOrder: true));

        Assert.Equal(reason, rejection.Reason);
    }

    [Theory]
    [InlineData("EAPI:Rate limit exceeded")]
    [InlineData("EOrder:Rate limit exceeded")]
    public void A_rate_limit_did_not_execute_and_waits_for_the_counter_to_decay_by_one_call(string error)
    {
        var counter = new CallCounterEstimate(15, 0.5, _clock);

        var failure = Assert.IsType<ExchangeFailureException>(KrakenErrors.From(HttpStatusCode.OK, [error], counter, isOrder: true, _clock));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(2)), (failure.Kind, failure.Outcome, failure.RetryAfter));
        Assert.Equal(15, counter.Level);
    }

    [Fact]
    public void Throttling_says_until_when()
    {
        var failure = Assert.IsType<ExchangeFailureException>(From("EService:Throttled: 1700000030", isOrder: true));

        Assert.Equal((FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(30)), (failure.Kind, failure.Outcome, failure.RetryAfter));
    }

    [Fact]
    public void An_invalid_nonce_was_refused_before_anything_ran()
    {
        var failure = Assert.IsType<ExchangeFailureException>(From("EAPI:Invalid nonce", isOrder: true));

        Assert.Equal(ExecutionOutcome.NotExecuted, failure.Outcome);
    }

    [Theory]
    [InlineData("EService:Unavailable")]
    [InlineData("EService:Busy")]
    [InlineData("EService:Deadline elapsed")]
    [InlineData("EGeneral:Internal error")]
    public void A_service_failure_around_an_order_leaves_its_outcome_unknown(string error)
    {
        var failure = Assert.IsType<ExchangeFailureException>(From(error, isOrder: true));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failure.Kind, failure.Outcome));
    }

    [Fact]
    public void A_service_failure_of_a_query_did_not_execute_anything()
    {
        var failure = Assert.IsType<ExchangeFailureException>(From("EService:Unavailable", isOrder: false));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.NotExecuted), (failure.Kind, failure.Outcome));
    }

    [Fact]
    public void A_gateway_page_around_an_order_leaves_its_outcome_unknown()
    {
        var failure = Assert.IsType<ExchangeFailureException>(KrakenErrors.FromStatus(HttpStatusCode.BadGateway, "<html>", isOrder: true));

        Assert.Equal((FailureKind.ServerError, ExecutionOutcome.Unknown), (failure.Kind, failure.Outcome));
    }

    private Exception From(string error, bool isOrder) => KrakenErrors.From(HttpStatusCode.OK, [error], null, isOrder, _clock);
}
