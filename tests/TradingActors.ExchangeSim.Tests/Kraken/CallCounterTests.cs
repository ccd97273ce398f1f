using TradingActors.ExchangeSim.Kraken;

namespace TradingActors.ExchangeSim.Tests.Kraken;

/// <summary>Kraken's call counter as the simulator keeps it: a maximum, and a full counter decays in one window.</summary>
public sealed class CallCounterTests
{
    private readonly SteppedClock _clock = new();

    [Fact]
    public void CallsUpToTheMaximumAreAllowed()
    {
        var counter = new CallCounter(TimeSpan.FromSeconds(45), _clock);

        Assert.All(Enumerable.Range(0, 15), _ => Assert.True(counter.TrySpend("key", 1, 15)));
    }

    [Fact]
    public void TheCallPastTheMaximumIsRefusedAndDoesNotCount()
    {
        var counter = new CallCounter(TimeSpan.FromSeconds(45), _clock);
        counter.TrySpend("key", 15, 15);
        Assert.False(counter.TrySpend("key", 1, 15));

        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.True(counter.TrySpend("key", 1, 15));
    }

    [Fact]
    public void AFullCounterDecaysInOneWindow()
    {
        var counter = new CallCounter(TimeSpan.FromSeconds(45), _clock);
        counter.TrySpend("key", 15, 15);

        _clock.Advance(TimeSpan.FromSeconds(45));

        Assert.True(counter.TrySpend("key", 15, 15));
    }

    [Fact]
    public void ALowerMaximumDecaysInOneWindowToo()
    {
        var counter = new CallCounter(TimeSpan.FromMinutes(1), _clock);
        counter.TrySpend("key", 1, 1);

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False(counter.TrySpend("key", 1, 1));
    }

    [Fact]
    public void EachKeyCountsAlone()
    {
        var counter = new CallCounter(TimeSpan.FromMinutes(1), _clock);
        counter.TrySpend("key", 1, 1);

        Assert.True(counter.TrySpend("other", 1, 1));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
