using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Tests.Trading;

public sealed class TradePacerTests
{
    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void WithoutATradeRateEveryTickTakesOneStep()
    {
        var pacer = new TradePacer(0);

        Assert.Equal([1, 1, 1], new[] { pacer.StepsDue(Ms(1)), pacer.StepsDue(Ms(500)), pacer.StepsDue(Ms(501)) });
    }

    [Fact]
    public void AtATradeRateATickTakesTheStepsDueByTheTimeElapsed()
    {
        var pacer = new TradePacer(100_000);

        Assert.Equal([100, 100, 300], new[] { pacer.StepsDue(Ms(1)), pacer.StepsDue(Ms(2)), pacer.StepsDue(Ms(5)) });
    }

    [Fact]
    public void AFractionDueCarriesOverSoTheRateHoldsOverManyTicks()
    {
        var pacer = new TradePacer(150);

        var steps = Enumerable.Range(1, 100).Select(tick => pacer.StepsDue(Ms(10 * tick))).ToList();

        Assert.Equal(150, steps.Sum());
        Assert.All(steps, taken => Assert.InRange(taken, 1, 2));
    }

    [Fact]
    public void ATickerHeldUpForMoreThanASecondCatchesUpOneSecondOfStepsAtMost()
    {
        var pacer = new TradePacer(1_000);
        pacer.StepsDue(Ms(10));

        Assert.Equal(1_000, pacer.StepsDue(TimeSpan.FromSeconds(30)));
        Assert.Equal(10, pacer.StepsDue(TimeSpan.FromSeconds(30) + Ms(10)));
    }
}
