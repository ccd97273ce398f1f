using System.Diagnostics;
using System.Text.Json;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.Faults;

public sealed class RestFaultTests
{
    private static readonly TimeSpan ShortClientTimeout = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task LatencyDelaysTheReply()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Latency = TimeSpan.FromMilliseconds(150) });
        using var client = new BinanceClient(simulator.Binance());
        var watch = Stopwatch.StartNew();

        (await client.Http.GetAsync("api/v3/ping")).EnsureSuccessStatusCode();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Order5xxAnswers503AndTheOrderDoesNotExecute()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xx = 1 });
        using var client = new BinanceClient(simulator.Binance());

        await (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "lost")).AssertErrorAsync(503, -1007);

        await (await client.QueryAsync("lost")).AssertErrorAsync(400, -2013);
    }

    [Fact]
    public async Task Order5xxAfterExecutionAnswers503ButTheOrderFilled()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Order5xxAfterExecution = 1 });
        using var client = new BinanceClient(simulator.Binance());

        await (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "ghost")).AssertErrorAsync(503, -1007);

        Assert.Equal("FILLED", (await (await client.QueryAsync("ghost")).SuccessJsonAsync()).Text("status"));
    }

    [Fact]
    public async Task Other5xxAnswers503OnEndpointsThatDoNotPlaceOrders()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Other5xx = 1 });
        using var client = new BinanceClient(simulator.Binance());

        await (await client.Http.GetAsync("api/v3/ping")).AssertErrorAsync(503, -1007);
        (await client.PlaceAsync("BUY", "MARKET", "0.01000")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task HangingRequestIsNeverAnsweredUntilTheClientGivesUp()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Hang = 1 });
        using var client = new BinanceClient(simulator.Binance(), timeout: ShortClientTimeout);

        await Assert.ThrowsAsync<TaskCanceledException>(() => client.Http.GetAsync("api/v3/ping"));
    }

    [Fact]
    public async Task MalformedReplyIs200WithABodyThatIsNotJson()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { Malformed = 1 });
        using var client = new BinanceClient(simulator.Binance());

        for (var reply = 0; reply < 5; reply++)
        {
            var response = await client.Http.GetAsync("api/v3/ticker/price?symbol=BTCUSDT");
            Assert.Equal(200, (int)response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }
    }

    [Fact]
    public async Task GhostFillExecutesTheOrderAndHoldsTheReplyPastTheClientTimeout()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { GhostFillDelay = TimeSpan.FromSeconds(30) });
        // Patient enough for the order to reach the exchange on a loaded machine, far short of the held reply.
        using var impatient = new BinanceClient(simulator.Binance(), timeout: TimeSpan.FromSeconds(2));
        using var client = new BinanceClient(simulator.Binance());

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "ghost-fill"));

        Assert.Equal("FILLED", (await (await client.QueryAsync("ghost-fill")).SuccessJsonAsync()).Text("status"));
    }

    [Fact]
    public async Task OrderQueryAnswers2013UntilTheLagAfterCreationHasPassed()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { OrderQueryLag = TimeSpan.FromMilliseconds(300) });
        using var client = new BinanceClient(simulator.Binance());
        (await client.PlaceAsync("BUY", "MARKET", "0.01000", clientOrderId: "lagging")).EnsureSuccessStatusCode();

        await (await client.QueryAsync("lagging")).AssertErrorAsync(400, -2013);

        await Eventually.HoldsAsync(async () => (await client.QueryAsync("lagging")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(5), "the order becomes visible");
    }
}
