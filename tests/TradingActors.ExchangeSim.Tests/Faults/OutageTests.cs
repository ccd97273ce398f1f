using System.Net.Sockets;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Faults;

public sealed class OutageTests
{
    [Fact]
    public async Task OutageRefusesConnectionsThenTheExchangeComesBackOnTheSamePort()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        var address = exchange.BaseAddress;

        await exchange.Faults.SetAsync(new FaultSettings { Outage = true });
        using (var client = new HttpClient { BaseAddress = address })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("api/v3/ping"));
            Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
        }

        await exchange.Faults.ClearAsync();
        Assert.Equal(address, exchange.BaseAddress);
        using (var client = new HttpClient { BaseAddress = address })
            (await client.GetAsync("api/v3/ping")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task OutageSetForADurationEndsByItself()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var client = new HttpClient { BaseAddress = exchange.BaseAddress };

        await exchange.Faults.SetAsync(new FaultSettings { Outage = true }, TimeSpan.FromMilliseconds(100));

        await Eventually.HoldsAsync(() => !exchange.Faults.Current.Outage, TimeSpan.FromSeconds(5), "the outage ends");
        await Eventually.HoldsAsync(async () => await IsUpAsync(client), TimeSpan.FromSeconds(5), "the port reopens");
    }

    [Fact]
    public async Task MarketStateOutlivesTheOutage()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var client = new BinanceClient(exchange);
        (await client.PlaceAsync("BUY", "LIMIT", "0.01000", price: "1000.00", clientOrderId: "survivor")).EnsureSuccessStatusCode();

        await exchange.Faults.SetAsync(new FaultSettings { Outage = true });
        await exchange.Faults.ClearAsync();

        Assert.Equal("NEW", (await (await client.QueryAsync("survivor")).SuccessJsonAsync()).Text("status"));
    }

    [Fact]
    public async Task ExchangeConfiguredInOutageStartsWithItsPortClosedAndOpensItWhenCleared()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with { Faults = new FaultSettings { Outage = true } });
        var exchange = simulator.Binance();
        using var client = new HttpClient { BaseAddress = exchange.BaseAddress };

        Assert.False(await IsUpAsync(client));

        await exchange.Faults.ClearAsync();
        Assert.True(await IsUpAsync(client));
    }

    private static async Task<bool> IsUpAsync(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("api/v3/ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
