using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Tests.Metrics;

/// <summary>The seed's third program: fifteen calls through a 3/2/5 s breaker, every fourth one failing.</summary>
public sealed class SeedMetricsSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Seed = BreakerSettings.Defaults with
    {
        FailureThreshold = 3, SuccessThreshold = 2, OpenTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void Fifteen_calls_with_every_fourth_failing_give_the_seeds_totals()
    {
        var exchange = NewExchange().WithFault(CallFilter.EveryNth(4), new SimulatedFault.Fail(FailureKind.Timeout));
        var breaker = BreakerOver(exchange, Seed);

        for (var call = 1; call <= 15; call++)
            Ask<ExchangeReply>(breaker, Price());

        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.Closed, status.State);
        Assert.Equal((15, 12, 3, 0), (status.Metrics.Total, status.Metrics.Successful, status.Metrics.Failed, status.Metrics.Rejected));
        Assert.Equal(80.0, status.Metrics.SuccessRate);
    }

    [Fact]
    public void Response_times_come_from_the_scheduler_clock_with_percentiles_over_the_window()
    {
        var exchange = NewExchange().WithFault(CallFilter.All, new SimulatedFault.Slow(TimeSpan.FromMilliseconds(100)));
        var breaker = BreakerOver(exchange, Seed);

        for (var call = 1; call <= 4; call++)
        {
            breaker.Tell(Price(), TestActor);
            ExchangeSettled(breaker);
            Clock.Advance(TimeSpan.FromMilliseconds(100 * call));
            ExpectMsg<PriceQuoted>();
        }

        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal(TimeSpan.FromMilliseconds(250), metrics.AverageResponse);
        Assert.Equal(TimeSpan.FromMilliseconds(200), metrics.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(400), metrics.P99);
    }

    [Fact]
    public void Response_times_cover_the_last_hundred_calls_once_there_have_been_more()
    {
        var exchange = NewExchange().WithFault(CallFilter.All, new SimulatedFault.Slow(TimeSpan.FromMilliseconds(100)));
        var breaker = BreakerOver(exchange, Seed);

        for (var call = 1; call <= 150; call++)
        {
            breaker.Tell(Price(), TestActor);
            ExchangeSettled(breaker);
            Clock.Advance(TimeSpan.FromMilliseconds(call <= 50 ? 900 : 100));
            ExpectMsg<PriceQuoted>();
        }

        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal(150, metrics.Total);
        Assert.Equal(
            (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100)),
            (metrics.AverageResponse, metrics.P99));
    }

    [Fact]
    public void Rejections_are_counted_apart_from_calls()
    {
        var exchange = NewExchange().WithFault(CallFilter.All, new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, Seed);

        for (var call = 1; call <= 5; call++)
            Ask<ExchangeReply>(breaker, Price());

        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal((3, 0, 3, 2), (metrics.Total, metrics.Successful, metrics.Failed, metrics.Rejected));
        Assert.Equal(0.0, metrics.SuccessRate);
    }

    [Fact]
    public void Time_in_each_state_adds_up_on_the_scheduler_clock()
    {
        var exchange = NewExchange().WithFault(CallFilter.Calls(1, 2, 3), new SimulatedFault.Fail(FailureKind.ServerError));
        var breaker = BreakerOver(exchange, Seed);
        for (var call = 1; call <= 3; call++)
            Ask<ExchangeFailed>(breaker, Price());
        Settled(breaker);

        Clock.Advance(TimeSpan.FromSeconds(5));
        AwaitAssert(() => Assert.Equal(BreakerState.HalfOpen, StatusOf(breaker).State));
        Clock.Advance(TimeSpan.FromSeconds(1));

        var timeInState = StatusOf(breaker).Metrics.TimeInState;
        Assert.Equal(TimeSpan.FromSeconds(5), timeInState[BreakerState.Open]);
        Assert.Equal(TimeSpan.FromSeconds(1), timeInState[BreakerState.HalfOpen]);
    }
}
