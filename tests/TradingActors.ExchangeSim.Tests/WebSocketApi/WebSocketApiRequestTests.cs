using TradingActors.ExchangeSim.Configuration;
using TradingActors.ExchangeSim.Faults;
using TradingActors.ExchangeSim.Tests.Support;

namespace TradingActors.ExchangeSim.Tests.WebSocketApi;

public sealed class WebSocketApiRequestTests
{
    private static readonly AccountOptions Second = new("second-key", "second-secret");

    [Fact]
    public async Task SubscribeWithAGoodSignatureAnswersItsSubscriptionIdAndTheWeightUsed()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.SubscribeAsync();

        Assert.Equal(200, reply.GetProperty("status").GetInt32());
        Assert.Equal("""{"subscriptionId":0}""", reply.GetProperty("result").GetRawText());
        var weight = Assert.Single(reply.GetProperty("rateLimits").EnumerateArray());
        Assert.Equal("REQUEST_WEIGHT", weight.Text("rateLimitType"));
        Assert.Equal(("MINUTE", 1, 6000, 2),
            (weight.Text("interval"), weight.GetProperty("intervalNum").GetInt32(), weight.GetProperty("limit").GetInt32(), weight.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task RecvWindowIsSignedAmongTheOtherParamsInAlphabeticalOrder()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.SubscribeAsync(recvWindow: 10_000);

        Assert.Equal(200, reply.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task SubscribeWithABadSignatureIsRefusedWith1022()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.SubscribeAsync(secret: "not-the-secret");

        AssertError(reply, 400, -1022, "Signature for this request is not valid.");
    }

    [Fact]
    public async Task SubscribeWithAnUnknownApiKeyIsRefusedWith1022()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.SubscribeAsync(new AccountOptions("stranger", "sim-api-secret"));

        AssertError(reply, 401, -1022, "Invalid API-key, IP, or permissions for action.");
    }

    [Fact]
    public async Task SubscribeWithAStaleTimestampIsRefusedWith1021()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.SubscribeAsync(timestamp: BinanceClient.Now - 10_000);

        AssertError(reply, 400, -1021, "Timestamp for this request is outside of the recvWindow.");
    }

    [Fact]
    public async Task SubscribeWithoutTheApiKeyIsRefusedWith1102()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.RequestAsync("userDataStream.subscribe.signature", new() { ["timestamp"] = BinanceClient.Now });

        AssertError(reply, 400, -1102, "Mandatory parameter 'apiKey' was not sent, was empty/null, or malformed.");
    }

    [Fact]
    public async Task AnAccountHasOneSubscriptionPerSessionAndAnotherAccountGetsTheNextId()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with { Accounts = [AccountOptions.Default, Second] });
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());
        await client.SubscribeAsync();

        AssertError(await client.SubscribeAsync(), 400, -2035, "User Data Stream subscription already active.");
        Assert.Equal(1, (await client.SubscribeAsync(Second)).GetProperty("result").GetProperty("subscriptionId").GetInt32());
    }

    [Fact]
    public async Task SessionSubscriptionsListsTheActiveSubscriptions()
    {
        await using var simulator = await TestSimulator.StartAsync(exchange => exchange with { Accounts = [AccountOptions.Default, Second] });
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());
        await client.SubscribeAsync();
        await client.SubscribeAsync(Second);

        var reply = await client.RequestAsync("session.subscriptions");

        Assert.Equal("""[{"subscriptionId":0},{"subscriptionId":1}]""", reply.GetProperty("result").GetRawText());
    }

    [Fact]
    public async Task PingAnswersAnEmptyResult()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.RequestAsync("ping");

        Assert.Equal(200, reply.GetProperty("status").GetInt32());
        Assert.Equal("{}", reply.GetProperty("result").GetRawText());
        Assert.Equal(1, reply.GetProperty("rateLimits")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task RequestBeyondTheWeightBudgetIsRefusedWith429AndSaysWhenToRetry()
    {
        await using var simulator = await TestSimulator.StartAsync();
        await simulator.Binance().Faults.SetAsync(new FaultSettings { WeightBudget = 1 });
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());
        await client.RequestAsync("ping");

        var reply = await client.RequestAsync("ping");

        Assert.Equal((429, -1003), (reply.GetProperty("status").GetInt32(), reply.GetProperty("error").GetProperty("code").GetInt32()));
        var data = reply.GetProperty("error").GetProperty("data");
        Assert.True(data.GetProperty("retryAfter").GetInt64() > data.GetProperty("serverTime").GetInt64());
        Assert.Equal(1, reply.GetProperty("rateLimits")[0].GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task UnknownMethodIsRefusedWith1020AndSpendsNoWeight()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.RequestAsync("order.place");

        AssertError(reply, 400, -1020, "Unknown method 'order.place'.");
        Assert.False(reply.TryGetProperty("rateLimits", out _));
    }

    [Fact]
    public async Task AHugeUnknownMethodIsEchoedCutShortWithAnEllipsis()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        var reply = await client.RequestAsync(new string('m', 100_000));

        AssertError(reply, 400, -1020, $"Unknown method '{new string('m', 40)}\u2026'.");
    }

    [Fact]
    public async Task RequestThatIsNotJsonIsRefusedWith1135AndANullId()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        await client.SendAsync("""{"id":1,"method":""");

        var reply = await client.ReplyAsync();
        AssertError(reply, 400, -1135, "Invalid JSON Request");
        Assert.Equal("null", reply.GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task AParamSentTwiceIsRefusedWith1101()
    {
        await using var simulator = await TestSimulator.StartAsync();
        using var client = await UserDataClient.ConnectAsync(simulator.Binance());

        await client.SendAsync("""{"id":1,"method":"userDataStream.unsubscribe","params":{"subscriptionId":0,"subscriptionId":1}}""");

        AssertError(await client.ReplyAsync(), 400, -1101, "Duplicate values for a parameter detected.");
    }

    private static void AssertError(System.Text.Json.JsonElement reply, int status, int code, string message)
    {
        Assert.Equal(status, reply.GetProperty("status").GetInt32());
        var error = reply.GetProperty("error");
        Assert.Equal((code, message), (error.GetProperty("code").GetInt32(), error.Text("msg")));
    }
}
