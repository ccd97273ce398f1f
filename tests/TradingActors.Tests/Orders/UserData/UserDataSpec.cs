using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Orders;
using TradingActors.Orders.UserData;
using TradingActors.Tests.MarketData;
using TradingActors.TestKit;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>The project's TestKit on virtual time, with one user data stream over a scripted WebSocket API and a probe for the ledger.</summary>
public abstract class UserDataSpec(ITestOutputHelper output) : TradingEngineTestKit(output)
{
    protected static readonly Uri Endpoint = new("wss://ws-api.test/ws-api/v3");

    /// <summary>Round figures and no jitter.</summary>
    protected static readonly BinanceSettings Binance = new(new Uri("https://api.test/"), "test-key", "test-secret", S(5), S(2), S(10))
    {
        UserData = new UserDataSettings
        {
            Endpoint = Endpoint,
            PingInterval = S(30),
            AnswerTimeout = S(10),
            MinBackoff = S(1),
            MaxBackoff = S(8),
            BackoffJitter = 0,
        },
    };

    protected static readonly TimeSpan Instant = TimeSpan.FromMilliseconds(1);

    // The stream answers within milliseconds; the TestKit's default of 100 ms between looks would dominate every spec.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    protected ScriptedStreams Streams { get; } = new();

    protected TestProbe Ledger { get; private set; } = null!;

    private TestProbe? _transitions;

    /// <summary>Starts the user data stream of binance; its transitions are watched from before its first one.</summary>
    protected IActorRef StartStream(EndpointSettings? endpoint = null)
    {
        _transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(_transitions, typeof(UserDataStreamTransitioned));
        Ledger = CreateTestProbe();
        return Sys.ActorOf(UserDataStream.Props("binance", endpoint ?? Binance, Streams, Ledger));
    }

    /// <summary>Accepts the socket the stream opens next, once it has sent its subscription on it.</summary>
    protected ScriptedStream Accept(IActorRef stream)
    {
        var opening = Streams.NextOpening();
        Assert.Equal(Endpoint, opening.Endpoint);
        var socket = opening.Accept();
        AwaitCondition(() => socket.Sent.Count > 0, null, Poll);
        Settled(stream);
        return socket;
    }

    /// <summary>Accepts the next socket and its subscription; the ledger hears that the stream resumed.</summary>
    protected ScriptedStream Subscribe(IActorRef stream, int subscriptionId = 0)
    {
        var socket = Accept(stream);
        socket.Push(UserDataFrames.Subscribed(RequestId(LastRequest(socket)), subscriptionId));
        Ledger.ExpectMsg(new OrderLedger.StreamResumed("binance"));
        Settled(stream);
        return socket;
    }

    /// <summary>
    /// Pushes <paramref name="frame"/> and waits until the stream has read it: frames are read in order, so once an
    /// execution pushed behind it has reached the ledger, so has it.
    /// </summary>
    protected void Deliver(ScriptedStream socket, string frame)
    {
        socket.Push(frame);
        socket.Push(UserDataFrames.Accepted("read-marker"));
        Ledger.ExpectMsg<OrderLedger.ExecutionReported>(reported => reported.Report.ClientOrderId == "read-marker");
    }

    protected static JsonElement LastRequest(ScriptedStream socket) => JsonDocument.Parse(socket.Sent.Last()).RootElement;

    protected static long RequestId(JsonElement request) => request.GetProperty("id").GetInt64();

    /// <summary>Waits for the stream to send its next request on <paramref name="socket"/>, past the <paramref name="sent"/> before it.</summary>
    protected JsonElement NextRequest(ScriptedStream socket, int sent)
    {
        AwaitCondition(() => socket.Sent.Count > sent, null, Poll);
        return JsonDocument.Parse(socket.Sent.ElementAt(sent)).RootElement;
    }

    /// <summary>The stream's next transition from <paramref name="from"/> to <paramref name="to"/>, past any other.</summary>
    protected UserDataStreamTransitioned ExpectTransition(UserDataState from, UserDataState to) =>
        _transitions!.FishForMessage<UserDataStreamTransitioned>(t => t.From == from && t.To == to, TimeSpan.FromSeconds(3));

    /// <summary>Waits until the stream has counted <paramref name="socket"/> as gone.</summary>
    protected void AwaitAborted(ScriptedStream socket) => AwaitCondition(() => socket.Aborted, null, Poll);

    /// <summary>Moves virtual time on, after the stream has armed the timers of everything it was told.</summary>
    protected void Advance(IActorRef stream, TimeSpan by)
    {
        Settled(stream);
        Clock.Advance(by);
        Settled(stream);
    }

    protected static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}

/// <summary>Frames as Binance's WebSocket API sends them, in the simulator's figures.</summary>
public static class UserDataFrames
{
    public static string Subscribed(long id, int subscriptionId) =>
        $$"""{"id":{{id}},"status":200,"result":{"subscriptionId":{{subscriptionId}}},"rateLimits":[]}""";

    public static string Pong(long id) => $$"""{"id":{{id}},"status":200,"result":{},"rateLimits":[]}""";

    public static string Refused(long id, int status, int code, string message) =>
        $$$"""{"id":{{{id}}},"status":{{{status}}},"error":{"code":{{{code}}},"msg":"{{{message}}}"}}""";

    public static string Limited(long id, TimeSpan retryAfter)
    {
        var until = 1796190220000 + (long)retryAfter.TotalMilliseconds;
        return $$$"""{"id":{{{id}}},"status":429,"error":{"code":-1003,"msg":"Too many requests.","data":{"serverTime":1796190220000,"retryAfter":{{{until}}} } } }""";
    }

    public static string Terminated(int subscriptionId) =>
        $$$"""{"subscriptionId":{{{subscriptionId}}},"event":{"e":"eventStreamTerminated","E":1796190220909}}""";

    /// <summary>A market buy of 0.01 BTCUSDT at 42000, filled by trade 1 (Binance's fields, eight decimals, epoch ms).</summary>
    public static string Filled(string clientOrderId = "my-order-1", int subscriptionId = 0, long tradeId = 1) =>
        Execution(subscriptionId, clientOrderId, original: "", execution: "TRADE", status: "FILLED",
            lastQuantity: "0.01000000", filled: "0.01000000", lastPrice: "42000.00000000", tradeId: tradeId, quote: "420.00000000");

    /// <summary>The same order, as the exchange accepted it.</summary>
    public static string Accepted(string clientOrderId = "my-order-1", int subscriptionId = 0) =>
        Execution(subscriptionId, clientOrderId, original: "", execution: "NEW", status: "NEW",
            lastQuantity: "0.00000000", filled: "0.00000000", lastPrice: "0.00000000", tradeId: -1, quote: "0.00000000");

    /// <summary>The same order, cancelled by the request <paramref name="cancelId"/>.</summary>
    public static string Cancelled(string clientOrderId, string cancelId, int subscriptionId = 0) =>
        Execution(subscriptionId, cancelId, original: clientOrderId, execution: "CANCELED", status: "CANCELED",
            lastQuantity: "0.00000000", filled: "0.00000000", lastPrice: "0.00000000", tradeId: -1, quote: "0.00000000");

    public static string Execution(int subscriptionId, string clientOrderId, string original, string execution, string status,
        string lastQuantity, string filled, string lastPrice, long tradeId, string quote) =>
        $$$"""
        {"subscriptionId":{{{subscriptionId}}},"event":{"e":"executionReport","E":1796190220909,"s":"BTCUSDT","c":"{{{clientOrderId}}}","S":"BUY","o":"MARKET","f":"GTC",
         "q":"0.01000000","p":"0.00000000","P":"0.00000000","F":"0.00000000","g":-1,"C":"{{{original}}}","x":"{{{execution}}}","X":"{{{status}}}","r":"NONE","i":7,
         "l":"{{{lastQuantity}}}","z":"{{{filled}}}","L":"{{{lastPrice}}}","n":"0.00000000","N":null,"T":1796190220909,"t":{{{tradeId}}},"I":2,"w":false,"m":false,"M":false,
         "O":1796190220900,"Z":"{{{quote}}}","Y":"{{{quote}}}","Q":"0.00000000","W":1796190220900,"V":"NONE"}}
        """;
}
