using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Bybit;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>On Bybit the stream authenticates first, then subscribes to the order topic; each order message is the orders' news.</summary>
public sealed class BybitUserDataSpecs(ITestOutputHelper output) : UserDataSpec(output)
{
    private static readonly BybitSettings Bybit = new(new Uri("https://api.test/"), "test-key", "test-secret", S(5), S(2), S(10))
    {
        UserData = Binance.UserData,
    };

    private static string Accepted(JsonElement request) =>
        $$"""{"success":true,"ret_msg":"","op":"{{request.GetProperty("op").GetString()}}","conn_id":"c1","req_id":"{{request.GetProperty("req_id").GetString()}}"}""";

    private static string Refused(JsonElement request, string message) =>
        $$"""{"success":false,"ret_msg":"{{message}}","op":"{{request.GetProperty("op").GetString()}}","conn_id":"c1","req_id":"{{request.GetProperty("req_id").GetString()}}"}""";

    private static string OrderMessage(params string[] orders) =>
        $$"""{"id":"m1","topic":"order","creationTime":1700000000500,"data":[{{string.Join(',', orders)}}]}""";

    private static string Order(string link, string status, string filled, string value) =>
        $$"""{"category":"spot","symbol":"BTCUSDT","orderId":"1890","orderLinkId":"{{link}}","side":"Buy","orderType":"Limit","price":"42000","qty":"0.02","orderStatus":"{{status}}","cumExecQty":"{{filled}}","cumExecValue":"{{value}}","avgPrice":"","leavesQty":"0","createdTime":"1700000000100","updatedTime":"1700000000400"}""";

    /// <summary>Accepts the socket, its auth and its subscription; the ledger hears that the stream resumed.</summary>
    private Scripted Subscribed()
    {
        var stream = StartStream(Bybit);
        var socket = Accept(stream);
        socket.Push(Accepted(LastRequest(socket)));
        var subscribe = NextRequest(socket, 1);
        socket.Push(Accepted(subscribe));
        Ledger.ExpectMsg(new OrderLedger.StreamResumed("binance"));
        return new Scripted(stream, socket);
    }

    private sealed record Scripted(Akka.Actor.IActorRef Stream, MarketData.ScriptedStream Socket);

    [Fact]
    public void The_stream_authenticates_with_the_key_an_expiry_one_receive_window_ahead_and_its_signature_over_get_realtime()
    {
        var stream = StartStream(Bybit);

        var auth = LastRequest(Accept(stream));

        var expires = (Clock.Now + S(5)).ToUnixTimeMilliseconds();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-secret"), Encoding.UTF8.GetBytes($"GET/realtime{expires}")));
        var args = auth.GetProperty("args");
        Assert.Equal(("auth", "test-key", expires, expected),
            (auth.GetProperty("op").GetString(), args[0].GetString(), args[1].GetInt64(), args[2].GetString()));
    }

    [Fact]
    public void The_order_topic_is_asked_for_only_once_the_auth_is_accepted()
    {
        var stream = StartStream(Bybit);
        var socket = Accept(stream);
        Settled(stream);
        Assert.Single(socket.Sent);

        socket.Push(Accepted(LastRequest(socket)));

        var subscribe = NextRequest(socket, 1);
        Assert.Equal(("subscribe", "order"), (subscribe.GetProperty("op").GetString(), subscribe.GetProperty("args")[0].GetString()));
        Ledger.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void A_refused_auth_drops_the_socket_and_connects_again_after_the_backoff()
    {
        var stream = StartStream(Bybit);
        var socket = Accept(stream);

        socket.Push(Refused(LastRequest(socket), "Invalid apikey"));

        Assert.Contains("Invalid apikey", ExpectTransition(UserDataState.Connecting, UserDataState.Reconnecting).Reason);
        AwaitAborted(socket);
        Assert.Single(socket.Sent);
        Advance(stream, Binance.UserData!.MinBackoff);
        Accept(stream);
    }

    [Fact]
    public void Every_order_of_an_order_message_goes_to_the_ledger_as_it_stands_with_its_average_price()
    {
        var (_, socket) = Subscribed();

        socket.Push(OrderMessage(Order("o-1", "PartiallyFilled", "0.01", "420.5"), Order("o-2", "Cancelled", "0", "0")));

        Assert.Equal(new OrderLedger.ExecutionReported("binance",
                new OrderReport("o-1", "1890", "BTCUSDT", OrderSide.Buy, OrderState.PartiallyFilled, 0.02m, 0.01m, 42_050m), null,
                DateTimeOffset.FromUnixTimeMilliseconds(1700000000400)),
            Ledger.ExpectMsg<OrderLedger.ExecutionReported>());
        var cancelled = Ledger.ExpectMsg<OrderLedger.ExecutionReported>().Report;
        Assert.Equal(("o-2", OrderState.Cancelled, (decimal?)null), (cancelled.ClientOrderId, cancelled.State, cancelled.AveragePrice));
    }

    [Fact]
    public void An_order_message_missing_a_field_the_ledger_needs_is_unreadable()
    {
        var frame = OrderMessage(Order("o-1", "Filled", "0.02", "840").Replace("\"orderLinkId\":\"o-1\",", ""));

        Assert.IsType<UserDataProtocol.Unreadable>(new BybitUserData("binance", Bybit).Read(frame));
    }

    [Fact]
    public void The_stream_pings_bybits_way_and_a_pong_keeps_it()
    {
        var (stream, socket) = Subscribed();

        Advance(stream, Binance.UserData!.PingInterval);
        var ping = NextRequest(socket, 2);
        Assert.Equal("ping", ping.GetProperty("op").GetString());
        socket.Push($$"""{"req_id":"{{ping.GetProperty("req_id").GetString()}}","op":"pong","args":["1700000000000"],"conn_id":"c1"}""");
        Advance(stream, Binance.UserData.AnswerTimeout);

        Assert.False(socket.Aborted);
    }
}
