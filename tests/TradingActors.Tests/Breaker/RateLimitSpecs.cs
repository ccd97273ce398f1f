using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>A rate limit with a retry-after opens the breaker for at least that long, before the exchange bans the engine.</summary>
public sealed class RateLimitSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        FailureThreshold = 5, OpenTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3,
    };

    [Fact]
    public void One_rate_limit_opens_the_breaker_for_its_retry_after_when_that_is_longer()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromMinutes(2));

        Assert.Equal(FailureKind.RateLimited, ExpectMsg<ExchangeFailed>().Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }

    [Fact]
    public void A_short_retry_after_still_opens_for_the_full_open_timeout()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);

        FailNext<GetPrice>(exchange, FailureKind.RateLimited, ExecutionOutcome.NotExecuted, TimeSpan.FromSeconds(1));
        ExpectMsg<ExchangeFailed>();

        Assert.Equal(Settings.OpenTimeout, Ask<CircuitOpen>(breaker, Price()).RetryAfter);
    }
}
