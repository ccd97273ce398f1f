using System.Diagnostics;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Faults;

public sealed class FaultScheduleTests
{
    [Fact]
    public async Task ScheduledFaultIsAppliedAtItsOffsetAndClearedAfterItsDuration()
    {
        var at = TimeSpan.FromMilliseconds(150);
        // Long enough that a poll on a loaded machine cannot miss the whole window between applying and clearing.
        var faults = new FaultSettings { Other5xx = 1 };
        var options = TestSimulator.Options() with { Schedule = [new ScheduledFault(TestSimulator.Exchange, at, TimeSpan.FromSeconds(1), faults)] };
        var watch = Stopwatch.StartNew();
        await using var simulator = await ExchangeSimulator.StartAsync(options);
        var exchange = simulator.Binance();

        await Eventually.HoldsAsync(() => exchange.Faults.Current == faults, TimeSpan.FromSeconds(5), "the fault is applied");
        Assert.True(watch.Elapsed >= at, $"applied after {watch.Elapsed}");

        await Eventually.HoldsAsync(() => exchange.Faults.Current == FaultSettings.None, TimeSpan.FromSeconds(5), "the fault is cleared");
    }

    [Fact]
    public async Task FaultsReplacedMeanwhileAreNotClearedByAnEarlierDuration()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        var later = new FaultSettings { Other5xx = 1 };

        await exchange.Faults.SetAsync(new FaultSettings { Hang = 1 }, TimeSpan.FromMilliseconds(50));
        await exchange.Faults.SetAsync(later);
        await Task.Delay(TimeSpan.FromMilliseconds(150));

        Assert.Equal(later, exchange.Faults.Current);
    }
}
