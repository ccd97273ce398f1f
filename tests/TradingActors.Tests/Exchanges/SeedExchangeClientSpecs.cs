using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;

namespace TradingActors.Tests.Exchanges;

/// <summary>
/// The seed's second program: an exchange where every third order times out, ten attempts through a
/// 3/2/30 s breaker. Here the exchange really hangs and the breaker's call timeout answers in virtual time.
/// </summary>
public sealed class SeedExchangeClientSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Seed = BreakerSettings.Defaults with
    {
        FailureThreshold = 3, SuccessThreshold = 2, OpenTimeout = TimeSpan.FromSeconds(30),
        CallTimeout = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public void Every_third_order_times_out_and_the_breaker_never_opens()
    {
        var exchange = NewExchange().WithFault(CallFilter.EveryNth(3), new SimulatedFault.Hang());
        var breaker = BreakerOver(exchange, Seed);
        var outcomes = new List<string>();

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            breaker.Tell(Order(), TestActor);
            if (attempt % 3 == 0)
            {
                Settled(breaker);
                Clock.Advance(Seed.CallTimeout);
            }
            outcomes.Add(ExpectMsg<ExchangeReply>() switch
            {
                OrderPlaced placed => placed.Report.State.ToString(),
                ExchangeFailed failed => failed.Kind.ToString(),
                var other => other.GetType().Name,
            });
        }

        Assert.Equal(["Filled", "Filled", "Timeout", "Filled", "Filled", "Timeout", "Filled", "Filled", "Timeout", "Filled"], outcomes);
        var status = StatusOf(breaker);
        Assert.Equal(BreakerState.Closed, status.State);
        Assert.Equal((7, 3, 0), (status.Metrics.Successful, status.Metrics.Failed, status.Metrics.Rejected));
    }

    [Fact]
    public void A_timed_out_order_is_reported_with_an_unknown_outcome()
    {
        var breaker = BreakerOver(NewExchange().WithFault(CallFilter.All, new SimulatedFault.Hang()), Seed);

        breaker.Tell(Order(), TestActor);
        Settled(breaker);
        Clock.Advance(Seed.CallTimeout);

        var failed = ExpectMsg<ExchangeFailed>();
        Assert.Equal((FailureKind.Timeout, ExecutionOutcome.Unknown), (failed.Kind, failed.Outcome));
        Assert.False(failed.IsSafeToRetry);
    }
}
