using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>Homework 4: safe retries with exponential backoff before a failure counts, and never a blind resend of an order.</summary>
public sealed class RetrySpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromSeconds(5),
        RetryJitter = 0, FailureThreshold = 2, CallTimeout = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public void A_price_request_is_retried_with_doubling_backoff_and_its_success_is_what_the_caller_gets()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        foreach (var backoff in new[] { 100, 200 })
        {
            FailNext<GetPrice>(exchange);
            Settled(breaker);
            Clock.Advance(TimeSpan.FromMilliseconds(backoff - 1));
            exchange.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        QuoteNext(exchange);

        ExpectMsg<PriceQuoted>();
        var status = StatusOf(breaker);
        Assert.Equal((0L, 2L, BreakerState.Closed), (status.Metrics.Failed, status.Metrics.Retries, status.State));
    }

    [Fact]
    public void After_the_last_retry_the_failure_is_answered_and_counted_once()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxRetries = 1 });
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange);
        Settled(breaker);
        Clock.Advance(Settings.RetryBaseDelay);
        FailNext<GetPrice>(exchange);

        ExpectMsg<ExchangeFailed>();
        Assert.Equal((1L, 1L), (StatusOf(breaker).Metrics.Failed, StatusOf(breaker).Metrics.Retries));
    }

    [Fact]
    public void An_order_with_an_unknown_outcome_is_never_retried()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Order(), TestActor);

        FailNext<PlaceOrder>(exchange, FailureKind.ServerError, ExecutionOutcome.Unknown);

        Assert.Equal(ExecutionOutcome.Unknown, ExpectMsg<ExchangeFailed>().Outcome);
        exchange.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void An_order_refused_before_it_was_sent_is_retried()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var order = Order();
        breaker.Tell(order, TestActor);

        FailNext<PlaceOrder>(exchange, FailureKind.ConnectionFailed, ExecutionOutcome.NotExecuted);
        Settled(breaker);
        Clock.Advance(Settings.RetryBaseDelay);

        Assert.Equal(order, exchange.ExpectMsg<PlaceOrder>());
    }

    [Fact]
    public void A_retry_waits_at_least_the_exchanges_retry_after()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange, FailureKind.ServerError, ExecutionOutcome.Unknown, retryAfter: TimeSpan.FromSeconds(2));
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        exchange.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Clock.Advance(TimeSpan.FromSeconds(1));

        exchange.ExpectMsg<GetPrice>();
    }

    [Fact]
    public void Retries_stop_at_once_when_the_breaker_opens()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { FailureThreshold = 1 });
        breaker.Tell(Price(), TestActor);
        FailNext<GetPrice>(exchange);
        Settled(breaker);

        breaker.Tell(Order(), TestActor);
        FailNext<PlaceOrder>(exchange, FailureKind.ServerError, ExecutionOutcome.Unknown);

        Assert.Equal(2, new[] { ExpectMsg<ExchangeFailed>(), ExpectMsg<ExchangeFailed>() }.Length);
        Clock.Advance(Settings.RetryMaxDelay);
        exchange.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }
}
