using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

/// <summary>
/// Kraken's call counters, from the exchange's weight-limit options: the budget is a counter's maximum, and a full
/// counter decays in one window (here a minute, so nothing decays within a test).
/// </summary>
public sealed class KrakenRateLimitTests
{
    [Fact]
    public async Task APrivateCallPastTheCountersMaximumIsRefused()
    {
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 2 } });
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.PrivateAsync("Balance")).ResultAsync();
        await (await client.PrivateAsync("OpenOrders")).ResultAsync();

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Rate limit exceeded");
    }

    [Fact]
    public async Task OrdersSpendTheTradingCounterAndAreRefusedInItsWords()
    {
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } });
        using var client = new KrakenTestClient(simulator.Binance());
        await client.BoughtAsync("k-first");

        await (await client.AddOrderAsync("buy", "market", "0.01")).AssertErrorAsync("EOrder:Rate limit exceeded");
        await (await client.PrivateAsync("Balance")).ResultAsync();
    }

    [Fact]
    public async Task EachKeyHasItsOwnCounter()
    {
        var other = new AccountOptions("other-key", "other-secret");
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with
        {
            Accounts = [AccountOptions.Default, other],
            WeightLimit = new WeightLimitOptions { Budget = 1 },
        });
        using var client = new KrakenTestClient(simulator.Binance());
        using var otherClient = new KrakenTestClient(simulator.Binance(), other);
        await (await client.PrivateAsync("Balance")).ResultAsync();

        await (await otherClient.PrivateAsync("Balance")).ResultAsync();
    }

    [Fact]
    public async Task PublicCallsDoNotCount()
    {
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } });
        using var client = new KrakenTestClient(simulator.Binance());
        for (var call = 0; call < 3; call++)
            await (await client.Http.GetAsync("0/public/Time")).ResultAsync();

        await (await client.PrivateAsync("Balance")).ResultAsync();
    }

    [Fact]
    public async Task TheWeightBudgetFaultLowersTheCountersMaximum()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WeightBudget = 1 });
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.PrivateAsync("Balance")).ResultAsync();

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Rate limit exceeded");
    }

    [Fact]
    public async Task TheCounterOutlivesAnOutage()
    {
        await using var simulator = await KrakenSimulator.StartAsync(exchange => exchange with { WeightLimit = new WeightLimitOptions { Budget = 1 } });
        using var client = new KrakenTestClient(simulator.Binance());
        await (await client.PrivateAsync("Balance")).ResultAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Outage = true });
        await simulator.Binance().Faults.ClearAsync();

        await (await client.PrivateAsync("Balance")).AssertErrorAsync("EAPI:Rate limit exceeded");
    }
}
