using Akka.Actor;
using Akka.TestKit;
using TradingActors.MarketData;
using TradingActors.TestKit;

namespace TradingActors.Tests.MarketData;

/// <summary>The project's TestKit on virtual time, with one feed over scripted stream endpoints.</summary>
public abstract class FeedSpec(ITestOutputHelper output) : TradingEngineTestKit(output)
{
    protected static readonly Uri Primary = new("wss://primary.test/stream");
    protected static readonly Uri Backup = new("wss://backup.test/stream");

    /// <summary>Round figures, no jitter, and failover well out of the way unless a spec brings it in.</summary>
    protected static readonly FeedSettings Settings = FeedSettings.Default(Primary, "BTCUSDT", "ETHUSDT") with
    {
        Backup = Backup,
        StaleAfter = S(10),
        ConnectTimeout = S(5),
        MinBackoff = S(1),
        MaxBackoff = S(8),
        BackoffJitter = 0,
        FailoverAfterAttempts = 100,
        FailoverAfter = TimeSpan.FromHours(1),
        PrimaryProbeInterval = S(30),
    };

    // The feed answers within milliseconds; the TestKit's default of 100 ms between looks would dominate every spec.
    protected static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    protected ScriptedStreams Streams { get; } = new();

    private TestProbe? _transitions;

    /// <summary>Starts a feed of binance; its transitions are watched from before its first one.</summary>
    protected IActorRef StartFeed(FeedSettings? settings = null)
    {
        _transitions = CreateTestProbe();
        Sys.EventStream.Subscribe(_transitions, typeof(FeedTransitioned));
        return Sys.ActorOf(MarketFeed.Props("binance", settings ?? Settings, Streams));
    }

    /// <summary>Makes the test actor a subscriber of <paramref name="feed"/>.</summary>
    protected void Subscribe(IActorRef feed)
    {
        feed.Tell(new MarketFeed.Subscribe("binance", TestActor));
        Settled(feed);
    }

    /// <summary>Accepts the socket the feed opens next, on <paramref name="endpoint"/>, once the feed streams from it.</summary>
    protected ScriptedStream Accept(IActorRef feed, Uri endpoint)
    {
        var opening = Streams.NextOpening();
        Assert.Equal(endpoint, opening.Endpoint);
        var stream = opening.Accept();
        AwaitCondition(() => stream.Sent.Count > 0, null, Poll);
        Settled(feed);
        return stream;
    }

    /// <summary>Refuses the socket the feed opens next, on <paramref name="endpoint"/>, once the feed has counted the failure.</summary>
    protected void Refuse(IActorRef feed, Uri endpoint)
    {
        var failed = StatusOf(feed).Counts.FailedAttempts;
        var opening = Streams.NextOpening();
        Assert.Equal(endpoint, opening.Endpoint);
        opening.Refuse();
        AwaitAssert(() => Assert.Equal(failed + 1, StatusOf(feed).Counts.FailedAttempts), null, Poll);
    }

    /// <summary>Pushes a trade and waits for the test actor, a subscriber, to receive its tick.</summary>
    protected FeedTick Trade(ScriptedStream stream, long tradeId, double price = 42_000, string symbol = "BTCUSDT")
    {
        stream.Push(symbol, tradeId, price);
        return ExpectMsg<FeedTick>(tick => tick.TradeId == tradeId && tick.Symbol == symbol);
    }

    /// <summary>The feed's next transition from <paramref name="from"/> to <paramref name="to"/>, past any other.</summary>
    protected FeedTransitioned ExpectTransition(FeedState from, FeedState to) =>
        _transitions!.FishForMessage<FeedTransitioned>(t => t.From == from && t.To == to, TimeSpan.FromSeconds(3));

    protected MarketFeed.Status StatusOf(IActorRef feed) =>
        feed.Ask<MarketFeed.Status>(new MarketFeed.GetStatus("binance"), TimeSpan.FromSeconds(3)).Result;

    protected void AwaitState(IActorRef feed, FeedState state) => AwaitAssert(() => Assert.Equal(state, StatusOf(feed).State), null, Poll);

    /// <summary>Moves virtual time on, after the feed has armed the timers of everything it was told.</summary>
    protected void Advance(IActorRef feed, TimeSpan by)
    {
        Settled(feed);
        Clock.Advance(by);
        Settled(feed);
    }

    protected static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);
}
