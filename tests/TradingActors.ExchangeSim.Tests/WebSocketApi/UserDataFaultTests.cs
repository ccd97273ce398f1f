using System.Net.WebSockets;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.WebSocketApi;

public sealed class UserDataFaultTests
{
    [Fact]
    public async Task UserDataDropClosesTheOpenSessions()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var events = await UserDataClient.SubscribedAsync(simulator.Binance());

        await simulator.Binance().Faults.SetAsync(new FaultSettings { UserDataDrop = true });

        await Assert.ThrowsAsync<WebSocketException>(events.ReceiveAsync);
    }

    [Fact]
    public async Task SessionOpenedDuringTheDropIsClosedAsItOpensAndOnceClearedSessionsStayOpen()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        await exchange.Faults.SetAsync(new FaultSettings { UserDataDrop = true });

        await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            using var dropped = await UserDataClient.ConnectAsync(exchange);
            await dropped.ReceiveAsync();
        });

        await exchange.Faults.ClearAsync();
        using var events = await UserDataClient.SubscribedAsync(exchange);
        using var rest = new BinanceClient(exchange);
        (await rest.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "after-drop")).EnsureSuccessStatusCode();
        Assert.Equal("after-drop", (await events.NextEventAsync()).GetProperty("event").Text("c"));
    }

    [Fact]
    public async Task UserDataStallLosesTheEventsOfTheMeantimeWhileTheSessionStaysOpenAndAnswers()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var events = await UserDataClient.SubscribedAsync(exchange);
        using var rest = new BinanceClient(exchange);
        await exchange.Faults.SetAsync(new FaultSettings { UserDataStall = true });

        (await rest.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "during-stall")).EnsureSuccessStatusCode();
        await events.AssertNoEventSentAsync();
        Assert.Equal(WebSocketState.Open, events.State);

        await exchange.Faults.ClearAsync();
        (await rest.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "after-stall")).EnsureSuccessStatusCode();
        var next = (await events.NextEventAsync()).GetProperty("event");
        Assert.Equal(("after-stall", "NEW"), (next.Text("c"), next.Text("x")));
    }

    [Fact]
    public async Task OutageClosesTheSessionsAndTheExchangeTakesNewOnesOnceItIsBack()
    {
        await using var simulator = await TestSimulator.StartAsync();
        var exchange = simulator.Binance();
        using var events = await UserDataClient.SubscribedAsync(exchange);

        await exchange.Faults.SetAsync(new FaultSettings { Outage = true });

        await Assert.ThrowsAsync<WebSocketException>(events.ReceiveAsync);
        await exchange.Faults.ClearAsync();
        using var again = await UserDataClient.SubscribedAsync(exchange);
        Assert.Equal(WebSocketState.Open, again.State);
    }
}
