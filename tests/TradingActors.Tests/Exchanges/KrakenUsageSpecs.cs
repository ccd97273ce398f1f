using TradingActors.Exchanges.Kraken;

namespace TradingActors.Tests.Exchanges;

public sealed class KrakenUsageSpecs
{
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    [Fact]
    public void Each_call_adds_to_the_counter()
    {
        var counter = new CallCounterEstimate(15, 0.33, _clock);

        counter.Spend(1);
        counter.Spend(1);

        Assert.Equal(2, counter.Level, precision: 9);
    }

    [Fact]
    public void The_counter_decays_at_its_rate()
    {
        var counter = new CallCounterEstimate(20, 0.5, _clock);
        counter.Spend(5);

        _clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(3, counter.Level, precision: 9);
    }

    [Fact]
    public void The_counter_decays_no_lower_than_zero()
    {
        var counter = new CallCounterEstimate(20, 1, _clock);
        counter.Spend(1);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, counter.Level);
    }

    [Fact]
    public void A_refusal_says_the_counter_is_full_and_when_one_call_fits_again()
    {
        var counter = new CallCounterEstimate(15, 0.5, _clock);

        counter.Full();

        Assert.Equal((15, TimeSpan.FromSeconds(2)), (counter.Level, counter.UntilRoomFor(1)));
    }

    [Fact]
    public void The_client_shows_its_estimates_and_their_limits()
    {
        using var client = new KrakenClient(new KrakenSettings(new Uri("http://127.0.0.1:9/"), "key", Convert.ToBase64String(new byte[64]),
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { ApiCounterLimit = 20 }, _clock);

        Assert.Equal(new KrakenUsage(0, 20, 0, 60), client.Usage);
    }
}
