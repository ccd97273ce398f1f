using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

public sealed class KrakenNonceSpecs
{
    [Fact]
    public void Follows_the_clock_in_milliseconds()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));

        Assert.Equal(1_700_000_000_000, new KrakenNonce(clock).Next());
    }

    [Fact]
    public void Grows_within_one_millisecond()
    {
        var nonce = new KrakenNonce(new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));

        Assert.Equal([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002], [nonce.Next(), nonce.Next(), nonce.Next()]);
    }

    [Fact]
    public void Never_repeats_across_threads()
    {
        var nonce = new KrakenNonce(new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));

        var taken = Enumerable.Range(0, 8).AsParallel().SelectMany(_ => Enumerable.Range(0, 1000).Select(_ => nonce.Next()).ToList()).ToList();

        Assert.Equal(taken.Count, taken.Distinct().Count());
    }

    [Fact]
    public void Does_not_go_back_when_the_clock_does()
    {
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var nonce = new KrakenNonce(clock);
        var first = nonce.Next();
        clock.Now = (DateTimeOffset.FromUnixTimeMilliseconds(1_600_000_000_000));

        Assert.True(nonce.Next() > first);
    }
}
