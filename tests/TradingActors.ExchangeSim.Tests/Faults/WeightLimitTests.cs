using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Faults;

public sealed class WeightLimitTests
{
    // An hour-long window, so that no window boundary falls inside a test.
    private static readonly WeightLimitOptions SmallBudget = new() { Budget = 3, Window = TimeSpan.FromHours(1), BanAfter = 2 };

    [Fact]
    public async Task OverspentBudgetAnswers429WithRetryAfter()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with { WeightLimit = SmallBudget });
        using var client = new BinanceClient(simulator.Binance());
        for (var call = 0; call < 3; call++)
            (await client.Http.GetAsync("api/v3/ping")).EnsureSuccessStatusCode();

        var limited = await client.Http.GetAsync("api/v3/ping");

        await limited.AssertErrorAsync(429, -1003);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task ClientThatKeepsCallingWhileLimitedIsBannedWith418AndALongerRetryAfter()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with
        {
            WeightLimit = SmallBudget with { BanDuration = TimeSpan.FromHours(2) },
        });
        using var client = new BinanceClient(simulator.Binance());
        for (var call = 0; call < 3; call++)
            (await client.Http.GetAsync("api/v3/ping")).EnsureSuccessStatusCode();
        var limited = await client.Http.GetAsync("api/v3/ping");
        await client.Http.GetAsync("api/v3/ping");

        var banned = await client.Http.GetAsync("api/v3/ping");

        await banned.AssertErrorAsync(418, -1003);
        Assert.True(banned.Headers.RetryAfter?.Delta > limited.Headers.RetryAfter?.Delta);
        await (await client.Http.GetAsync("api/v3/time")).AssertErrorAsync(418, -1003);
    }

    [Fact]
    public async Task WeightBudgetFaultOverridesTheConfiguredBudget()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with
        {
            WeightLimit = new WeightLimitOptions { Window = TimeSpan.FromHours(1) },
        });
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WeightBudget = 1 });
        using var client = new BinanceClient(simulator.Binance());
        (await client.Http.GetAsync("api/v3/ping")).EnsureSuccessStatusCode();

        await (await client.Http.GetAsync("api/v3/ping")).AssertErrorAsync(429, -1003);
    }
}
