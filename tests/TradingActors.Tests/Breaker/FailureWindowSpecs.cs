using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>The seed's exercise 2: opening on the failure rate (or slow-call rate) over a sliding window.</summary>
public sealed class FailureWindowSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings CountWindow = BreakerSettings.Defaults with
    {
        FailurePolicy = FailurePolicy.CountWindow, WindowSize = 10, MinimumCalls = 10, FailureRateThreshold = 50,
        CallTimeout = TimeSpan.FromHours(1),
    };

    [Fact]
    public void A_count_window_opens_when_half_of_the_last_ten_calls_failed()
    {
        var (breaker, exchange) = NewBreaker(CountWindow);

        Calls(breaker, exchange, "ok fail ok fail ok fail ok fail ok");
        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
        Calls(breaker, exchange, "fail");

        AwaitState(breaker, BreakerState.Open);
    }

    [Fact]
    public void Failures_that_never_come_in_a_row_open_a_window_breaker_but_not_the_seeds()
    {
        var (consecutive, exchange) = NewBreaker(BreakerSettings.Defaults with { CallTimeout = TimeSpan.FromHours(1) });

        Calls(consecutive, exchange, "fail ok fail ok fail ok fail ok fail ok");

        Assert.Equal(BreakerState.Closed, StatusOf(consecutive).State);
    }

    [Fact]
    public void Nothing_opens_before_the_minimum_number_of_calls()
    {
        var (breaker, exchange) = NewBreaker(CountWindow);

        Calls(breaker, exchange, "fail fail fail fail fail fail fail fail fail");

        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
        Assert.Equal("9 of 9 failed, 0 slow", StatusOf(breaker).Window);
    }

    [Fact]
    public void Old_calls_leave_a_count_window()
    {
        var (breaker, exchange) = NewBreaker(CountWindow);

        Calls(breaker, exchange, "fail fail fail fail ok ok ok ok ok ok ok ok ok ok ok fail fail fail fail");

        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
        Assert.Equal("4 of 10 failed, 0 slow", StatusOf(breaker).Window);
    }

    [Fact]
    public void A_time_window_forgets_calls_older_than_its_duration()
    {
        var settings = CountWindow with
        {
            FailurePolicy = FailurePolicy.TimeWindow, WindowDuration = TimeSpan.FromSeconds(10), WindowBuckets = 10, MinimumCalls = 4,
        };
        var (breaker, exchange) = NewBreaker(settings);

        Calls(breaker, exchange, "fail fail ok");
        Clock.Advance(TimeSpan.FromSeconds(11));
        Calls(breaker, exchange, "fail ok ok");
        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
        Calls(breaker, exchange, "fail");

        AwaitState(breaker, BreakerState.Open);
    }

    [Fact]
    public void A_slow_call_rate_over_its_threshold_opens_the_breaker()
    {
        var settings = CountWindow with
        {
            WindowSize = 4, MinimumCalls = 4, SlowCallDuration = TimeSpan.FromSeconds(1), SlowCallRateThreshold = 75,
        };
        var (breaker, exchange) = NewBreaker(settings);

        Calls(breaker, exchange, "ok slow slow");
        Assert.Equal(BreakerState.Closed, StatusOf(breaker).State);
        Calls(breaker, exchange, "slow");

        AwaitState(breaker, BreakerState.Open);
        Assert.Contains("slower than", StatusOf(breaker).Metrics.Transitions[^1].Reason);
    }

    /// <summary>Sends one price request per word and answers it: "ok", "fail", or "slow" (answered after two seconds).</summary>
    private void Calls(IActorRef breaker, TestProbe exchange, string script)
    {
        foreach (var step in script.Split(' '))
        {
            breaker.Tell(Price(), TestActor);
            var request = exchange.ExpectMsg<GetPrice>();
            if (step == "slow")
            {
                Clock.Advance(TimeSpan.FromSeconds(2));
                Settled(breaker);
            }
            exchange.Reply(step == "fail"
                ? new ExchangeFailed(request, FailureKind.ServerError, ExecutionOutcome.Unknown, null, "down")
                : new PriceQuoted(request, 42_000));
            ExpectMsg<ExchangeReply>();
        }
        Settled(breaker);
    }

    private (IActorRef, TestProbe) NewBreaker(BreakerSettings settings)
    {
        var exchange = CreateTestProbe();
        return (BreakerOver(exchange, settings), exchange);
    }
}
