using TradingActors.Orders;
using TradingActors.Orders.UserData;

namespace TradingActors.Tests.Orders.UserData;

/// <summary>
/// A lost connection is opened again with exponential backoff and subscribed again; each subscription tells the
/// ledger that the stream resumed, so that it asks about what the gap may have hidden.
/// </summary>
public sealed class ReconnectSpecs(ITestOutputHelper output) : UserDataSpec(output)
{
    private static readonly TimeSpan MinBackoff = Binance.UserData!.MinBackoff;

    [Fact]
    public void A_dropped_connection_is_opened_again_after_the_min_backoff_subscribed_again_and_the_ledger_told_again()
    {
        var stream = StartStream();
        var first = Subscribe(stream);

        first.Break("Connection reset by peer");

        Assert.Equal("connection lost: Connection reset by peer", ExpectTransition(UserDataState.Subscribed, UserDataState.Reconnecting).Reason);
        AwaitAborted(first);
        Advance(stream, MinBackoff - Instant);
        Assert.False(Streams.HasOpening);
        Advance(stream, Instant);
        var second = Subscribe(stream, subscriptionId: 1);
        Assert.Equal("subscribed again", ExpectTransition(UserDataState.Reconnecting, UserDataState.Subscribed).Reason);

        second.Push(UserDataFrames.Filled("order-3", subscriptionId: 1));
        Assert.Equal("order-3", Ledger.ExpectMsg<OrderLedger.ExecutionReported>().Report.ClientOrderId);
    }

    [Fact]
    public void Each_wait_doubles_the_one_before_while_attempts_keep_failing_up_to_the_max_backoff()
    {
        var stream = StartStream();
        Refuse();

        foreach (var wait in new[] { 1, 2, 4, 8, 8 })
        {
            Advance(stream, S(wait) - Instant);
            Assert.False(Streams.HasOpening);
            Advance(stream, Instant);
            Refuse();
        }
    }

    [Fact]
    public void A_connection_that_closes_before_its_subscription_is_accepted_is_a_failed_attempt()
    {
        var stream = StartStream();
        Refuse();
        Advance(stream, S(1));
        var socket = Accept(stream);

        socket.Close();
        AwaitAborted(socket);

        Advance(stream, S(2) - Instant);
        Assert.False(Streams.HasOpening);
        Advance(stream, Instant);
        Subscribe(stream);
    }

    [Fact]
    public void An_accepted_subscription_makes_the_next_wait_the_shortest_again()
    {
        var stream = StartStream();
        Refuse();
        Advance(stream, S(1));
        Refuse();
        Advance(stream, S(2));
        var socket = Subscribe(stream);

        socket.Close();
        AwaitAborted(socket);

        Advance(stream, MinBackoff);
        Subscribe(stream);
    }

    [Fact]
    public void The_end_of_the_subscription_is_a_lost_connection()
    {
        var stream = StartStream();
        var socket = Subscribe(stream, subscriptionId: 2);

        socket.Push(UserDataFrames.Terminated(2));

        Assert.Equal("the exchange ended the subscription", ExpectTransition(UserDataState.Subscribed, UserDataState.Reconnecting).Reason);
        AwaitAborted(socket);
        Advance(stream, MinBackoff);
        Subscribe(stream);
    }

    [Fact]
    public void A_socket_not_open_within_the_connect_timeout_is_given_up_as_a_failed_attempt()
    {
        var stream = StartStream();
        var opening = Streams.NextOpening();

        Advance(stream, Binance.ConnectTimeout);

        Assert.True(opening.Abandoned);
        Assert.Equal("could not subscribe at wss://ws-api.test/ws-api/v3: no connection within 2s",
            ExpectTransition(UserDataState.Connecting, UserDataState.Reconnecting).Reason);
    }

    /// <summary>Refuses the socket the stream opens next, once the stream has counted the failure.</summary>
    private void Refuse()
    {
        var opening = Streams.NextOpening();
        opening.Refuse();
        AwaitCondition(() => opening.Abandoned, null, TimeSpan.FromMilliseconds(5));
    }
}
