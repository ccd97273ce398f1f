using System.Diagnostics;
using System.Text.Json;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Kraken;

/// <summary>The simulator's faults as the Kraken dialect shows them.</summary>
public sealed class KrakenFaultTests
{
    [Fact]
    public async Task LatencyDelaysTheReply()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Latency = TimeSpan.FromMilliseconds(150) });
        using var client = new KrakenTestClient(simulator.Binance());
        var watch = Stopwatch.StartNew();

        await (await client.Http.GetAsync("0/public/Time")).ResultAsync();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task AHangIsNeverAnswered()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Hang = 1 });
        using var client = new KrakenTestClient(simulator.Binance(), timeout: TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.Http.GetAsync("0/public/Time"));
    }

    [Fact]
    public async Task Other5xxAnswersServiceUnavailableButOrdersGoThrough()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Other5xx = 1 });
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.Http.GetAsync("0/public/Time")).AssertErrorAsync("EService:Unavailable", 503);
        await client.BoughtAsync("k-through");
    }

    [Fact]
    public async Task Order5xxAnswersServiceUnavailableAndTheOrderDoesNotExecute()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xx = 1 });
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "market", "0.01", clientOrderId: "k-lost")).AssertErrorAsync("EService:Unavailable", 503);

        var closed = (await (await client.PrivateAsync("ClosedOrders", ("cl_ord_id", "k-lost"))).ResultAsync()).GetProperty("closed");
        Assert.Empty(closed.EnumerateObject());
    }

    [Fact]
    public async Task Order5xxAfterExecutionAnswersInternalErrorButTheOrderFilled()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xxAfterExecution = 1 });
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.AddOrderAsync("buy", "market", "0.01", clientOrderId: "k-ghost")).AssertErrorAsync("EGeneral:Internal error", 500);

        var closed = (await (await client.PrivateAsync("ClosedOrders", ("cl_ord_id", "k-ghost"))).ResultAsync()).GetProperty("closed");
        Assert.Equal("closed", Assert.Single(closed.EnumerateObject()).Value.Text("status"));
    }

    [Fact]
    public async Task AMalformedReplyIsNotAKrakenReply()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Malformed = 1 });
        using var client = new KrakenTestClient(simulator.Binance());

        var response = await client.Http.GetAsync("0/public/Ticker?pair=XBTUSDT");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task AMalformedFaultLeavesRefusalsWhole()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Malformed = 1 });
        using var client = new KrakenTestClient(simulator.Binance());

        await (await client.Http.GetAsync("0/public/Ticker?pair=NOPEUSDT")).AssertErrorAsync("EQuery:Unknown asset pair");
    }

    [Fact]
    public async Task OrderQueryLagHidesANewOrderFromEveryQuery()
    {
        await using var simulator = await KrakenSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { OrderQueryLag = TimeSpan.FromMinutes(1) });
        using var client = new KrakenTestClient(simulator.Binance());
        var txid = await client.BoughtAsync("k-lagged");
        await (await client.AddOrderAsync("buy", "limit", "0.01", "1000", "k-lagged-rest")).ResultAsync();

        await (await client.PrivateAsync("QueryOrders", ("txid", txid))).AssertErrorAsync("EOrder:Unknown order");
        Assert.Empty((await (await client.PrivateAsync("ClosedOrders", ("cl_ord_id", "k-lagged"))).ResultAsync()).GetProperty("closed").EnumerateObject());
        Assert.Empty((await (await client.PrivateAsync("OpenOrders")).ResultAsync()).GetProperty("open").EnumerateObject());
    }
}
