using System.Security.Cryptography;
using System.Text;
using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>
/// The stream subscribes to the account's user data with <c>userDataStream.subscribe.signature</c>, and only an
/// accepted subscription tells the ledger that the stream resumed; executions on it go to the ledger.
/// </summary>
public sealed class SubscriptionSpecs(ITestOutputHelper output) : UserDataSpec(output)
{
    [Fact]
    public void The_subscription_is_signed_with_the_accounts_secret_over_its_params_sorted_by_name_at_the_schedulers_time()
    {
        var stream = StartStream();

        var request = LastRequest(Accept(stream));

        var timestamp = Clock.Now.ToUnixTimeMilliseconds();
        var payload = $"apiKey=test-key&recvWindow=5000&timestamp={timestamp}";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("test-secret"), Encoding.UTF8.GetBytes(payload)));
        var parameters = request.GetProperty("params");
        Assert.Equal("userDataStream.subscribe.signature", request.GetProperty("method").GetString());
        Assert.Equal(("test-key", 5000L, timestamp, expected),
            (parameters.GetProperty("apiKey").GetString(), parameters.GetProperty("recvWindow").GetInt64(),
                parameters.GetProperty("timestamp").GetInt64(), parameters.GetProperty("signature").GetString()));
    }

    [Fact]
    public void The_ledger_hears_that_the_stream_resumed_once_the_subscription_is_accepted_and_not_before()
    {
        var stream = StartStream();
        var socket = Accept(stream);
        Ledger.ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        socket.Push(UserDataFrames.Subscribed(RequestId(LastRequest(socket)), subscriptionId: 0));

        Ledger.ExpectMsg(new OrderLedger.StreamResumed("binance"));
        Assert.Equal("subscribed", ExpectTransition(UserDataState.Connecting, UserDataState.Subscribed).Reason);
    }

    [Fact]
    public void Each_execution_on_the_subscription_goes_to_the_ledger_as_it_comes()
    {
        var stream = StartStream();
        var socket = Subscribe(stream, subscriptionId: 3);

        socket.Push(UserDataFrames.Accepted("order-1", subscriptionId: 3));
        socket.Push(UserDataFrames.Filled("order-1", subscriptionId: 3, tradeId: 11));

        Assert.Null(Ledger.ExpectMsg<OrderLedger.ExecutionReported>().Trade);
        Assert.Equal(11, Ledger.ExpectMsg<OrderLedger.ExecutionReported>().Trade?.TradeId);
    }

    [Fact]
    public void An_unreadable_frame_is_skipped_and_the_stream_goes_on()
    {
        var stream = StartStream();
        var socket = Subscribe(stream);

        socket.Push("""{"subscriptionId":0,"event":{"e":"executionReport","c":"torn""");
        socket.Push(UserDataFrames.Filled("order-2"));

        Assert.Equal("order-2", Ledger.ExpectMsg<OrderLedger.ExecutionReported>().Report.ClientOrderId);
    }

    [Fact]
    public void A_refused_subscription_is_a_failed_attempt_tried_again_after_the_backoff()
    {
        var stream = StartStream();
        var socket = Accept(stream);

        socket.Push(UserDataFrames.Refused(RequestId(LastRequest(socket)), 400, -1022, "Signature for this request is not valid."));

        Assert.Equal("could not subscribe at wss://ws-api.test/ws-api/v3: subscription refused: -1022 Signature for this request is not valid.",
            ExpectTransition(UserDataState.Connecting, UserDataState.Reconnecting).Reason);
        AwaitAborted(socket);
        Ledger.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Advance(stream, Binance.UserData!.MinBackoff - Instant);
        Assert.False(Streams.HasOpening);
        Advance(stream, Instant);
        Subscribe(stream);
    }

    [Fact]
    public void A_rate_limited_subscription_waits_out_the_exchanges_retry_after_when_it_is_longer_than_the_backoff()
    {
        var stream = StartStream();
        var socket = Accept(stream);

        socket.Push(UserDataFrames.Limited(RequestId(LastRequest(socket)), retryAfter: S(5)));
        AwaitAborted(socket);

        Advance(stream, S(5) - Instant);
        Assert.False(Streams.HasOpening);
        Advance(stream, Instant);
        Subscribe(stream);
    }

    [Fact]
    public void A_subscription_unanswered_within_the_answer_timeout_is_a_failed_attempt()
    {
        var stream = StartStream();
        var socket = Accept(stream);

        Advance(stream, Binance.UserData!.AnswerTimeout);

        Assert.Equal("could not subscribe at wss://ws-api.test/ws-api/v3: no answer to the subscription within 10s",
            ExpectTransition(UserDataState.Connecting, UserDataState.Reconnecting).Reason);
        Assert.True(socket.Aborted);
    }
}
