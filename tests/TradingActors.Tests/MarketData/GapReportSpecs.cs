using Akka.Event;
using Akka.TestKit;
using TradingActors.MarketData;

namespace TradingActors.Tests.MarketData;

/// <summary>
/// Gaps are logged as one summary line per report interval of the feed's own timer, not one line per gap: a feed
/// that falls behind meets tens of thousands a second (issue 15, market data).
/// </summary>
public sealed class GapReportSpecs(ITestOutputHelper output) : FeedSpec(output)
{
    [Fact]
    public void The_gaps_of_one_interval_are_logged_as_one_line_with_their_counts_per_symbol()
    {
        var (feed, stream, warnings) = StreamingWithWarningsWatched();
        Trade(stream, 1);
        Trade(stream, 3);
        Trade(stream, 6);
        Trade(stream, 1, symbol: "ETHUSDT");
        Trade(stream, 5, symbol: "ETHUSDT");

        Advance(feed, Settings.GapReportInterval);

        var line = warnings.ExpectMsg<Warning>().Message.ToString();
        Assert.Contains("6 trades lost in 3 gaps", line);
        Assert.Contains("BTCUSDT 3 in 2, ETHUSDT 3 in 1", line);
        Advance(feed, Settings.GapReportInterval * 3);
        warnings.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_summary_comes_when_the_interval_that_began_with_the_first_gap_ends()
    {
        var (feed, stream, warnings) = StreamingWithWarningsWatched();
        Trade(stream, 1);
        Trade(stream, 4);

        Advance(feed, Settings.GapReportInterval - TimeSpan.FromMilliseconds(1));
        warnings.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Trade(stream, 9);
        Advance(feed, TimeSpan.FromMilliseconds(1));

        Assert.Contains("6 trades lost in 2 gaps", warnings.ExpectMsg<Warning>().Message.ToString());
    }

    [Fact]
    public void Each_interval_with_gaps_gets_its_own_summary_and_one_without_none()
    {
        var (feed, stream, warnings) = StreamingWithWarningsWatched();
        Trade(stream, 1);
        Trade(stream, 3);
        Advance(feed, Settings.GapReportInterval);
        Assert.Contains("1 trades lost in 1 gaps", warnings.ExpectMsg<Warning>().Message.ToString());

        Trade(stream, 4);
        Advance(feed, Settings.GapReportInterval);
        warnings.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Trade(stream, 10);
        Advance(feed, Settings.GapReportInterval);

        Assert.Contains("5 trades lost in 1 gaps", warnings.ExpectMsg<Warning>().Message.ToString());
    }

    [Fact]
    public void Every_gap_still_goes_to_the_event_stream_as_it_happens()
    {
        var (_, stream, _) = StreamingWithWarningsWatched();
        var gaps = CreateTestProbe();
        Sys.EventStream.Subscribe(gaps, typeof(FeedGap));
        Trade(stream, 1);

        Trade(stream, 3);
        Trade(stream, 5);

        Assert.Equal([2L, 4L], new[] { gaps.ExpectMsg<FeedGap>().Expected, gaps.ExpectMsg<FeedGap>().Expected });
    }

    // Streaming from the primary is logged at Info, so the only warnings here are the gap summaries.
    private (Akka.Actor.IActorRef Feed, ScriptedStream Stream, TestProbe Warnings) StreamingWithWarningsWatched()
    {
        var feed = StartFeed();
        Subscribe(feed);
        var stream = Accept(feed, Primary);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings, typeof(Warning));
        return (feed, stream, warnings);
    }
}
