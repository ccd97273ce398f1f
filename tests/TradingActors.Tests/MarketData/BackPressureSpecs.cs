using Akka.Actor;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>
/// The socket is read no faster than the feed takes its frames: at most read-ahead frames wait for it, so an
/// exchange faster than the feed is slowed down by TCP, and the feed's mailbox, and the wait of a status
/// request behind it, stay bounded (issue 15, market data: the mailbox grew to 1.7 million frames).
/// </summary>
public sealed class BackPressureSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void The_reader_stops_reading_the_socket_when_read_ahead_frames_wait_unacknowledged()
    {
        var flood = new FloodStream();
        using var window = new FrameWindow(3);
        var feed = CreateTestProbe();

        FeedSocket.Read(flood, 1, window, batch: 1, feed);

        feed.ReceiveN(3);
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(3, flood.Read);
    }

    [Fact]
    public void A_full_reader_reads_on_only_once_half_the_window_is_acknowledged_and_then_fills_it_again()
    {
        var flood = new FloodStream();
        using var window = new FrameWindow(4);
        var feed = CreateTestProbe();
        FeedSocket.Read(flood, 1, window, batch: 1, feed);
        feed.ReceiveN(4);

        window.Acknowledge();
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        window.Acknowledge();
        window.Acknowledge();

        feed.ReceiveN(3);
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(7, flood.Read);
    }

    [Fact]
    public void A_reader_waiting_for_room_ends_when_the_feed_drops_its_socket()
    {
        var flood = new FloodStream();
        var window = new FrameWindow(1);
        var feed = CreateTestProbe();
        FeedSocket.Read(flood, 7, window, batch: 1, feed);
        feed.ExpectMsg<FeedSocket.FramesReceived>();

        flood.Dispose();
        window.Dispose();

        Assert.Equal(7, feed.ExpectMsg<FeedSocket.Lost>().Id);
    }

    [Fact]
    public void Frames_the_socket_already_holds_go_together_up_to_the_batch_and_never_beyond_the_window()
    {
        var flood = new FloodStream();
        using var window = new FrameWindow(10);
        var feed = CreateTestProbe();

        FeedSocket.Read(flood, 1, window, batch: 4, feed);

        Assert.Equal([4, 4, 2], feed.ReceiveN(3).Cast<FeedSocket.FramesReceived>().Select(frames => frames.Frames.Length));
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Under_a_flood_the_feed_answers_its_status_and_the_reader_stays_within_read_ahead()
    {
        const int readAhead = 50;
        var feed = StartFeed(Settings with { ReadAhead = readAhead });
        var flood = new FloodStream();
        Streams.NextOpening().Accept(flood);
        AwaitState(feed, FeedState.Connected);

        for (var ask = 0; ask < 5; ask++)
        {
            var readBefore = flood.Read;
            var status = StatusOf(feed);
            Assert.Equal(FeedState.Connected, status.State);
            Assert.InRange(readBefore - status.Counts.Ticks, long.MinValue, readAhead);
        }
        AwaitCondition(() => StatusOf(feed).Counts.Ticks > 10 * readAhead, null, Poll);
    }

    [Fact]
    public void The_frames_of_a_subscriber_that_keeps_up_are_all_delivered_in_order_under_a_flood()
    {
        var feed = StartFeed(Settings with { ReadAhead = 16 });
        Subscribe(feed);
        var flood = new FloodStream();
        Streams.NextOpening().Accept(flood);

        var ids = ReceiveN(500).Cast<FeedTick>().Select(tick => tick.TradeId);

        Assert.Equal(Enumerable.Range(1, 500).Select(id => (long)id), ids);
        Assert.Equal(0, StatusOf(feed).Counts.Gaps);
        Sys.Stop(feed);
    }
}
