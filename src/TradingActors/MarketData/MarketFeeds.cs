using Akka.Actor;

namespace TradingActors.MarketData;

/// <summary>
/// The feeds' parent, <c>/user/trading/feeds</c>: one <see cref="MarketFeed"/> per exchange with a
/// <c>trading.feeds</c> section, named after the exchange, and the router of their commands by exchange name.
/// </summary>
public static class MarketFeeds
{
    public const string Name = "feeds";

    public static Props Props(IReadOnlyDictionary<string, FeedSettings> feeds, IMarketStreamClient client) =>
        Akka.Actor.Props.Create(() => new MarketFeedsActor(feeds, client));

    /// <summary>Asks for the status of every feed, answered with <see cref="Statuses"/>.</summary>
    public sealed record GetStatuses
    {
        public static readonly GetStatuses Instance = new();
    }

    /// <summary>Every feed's status, ordered by exchange name.</summary>
    public sealed record Statuses(IReadOnlyList<MarketFeed.Status> Feeds);
}

internal sealed class MarketFeedsActor : UntypedActor
{
    // Each feed answers from its own state at once; this only bounds a feed that is restarting.
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(5);

    private readonly SortedDictionary<string, IActorRef> _feeds = new(StringComparer.Ordinal);

    public MarketFeedsActor(IReadOnlyDictionary<string, FeedSettings> feeds, IMarketStreamClient client)
    {
        foreach (var (exchange, settings) in feeds)
            _feeds.Add(exchange, Context.ActorOf(MarketFeed.Props(exchange, settings, client), Uri.EscapeDataString(exchange)));
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case MarketFeed.Command command when _feeds.TryGetValue(command.Exchange, out var feed):
                feed.Forward(command);
                break;
            case MarketFeed.GetLastPrice query:
                Sender.Tell(new MarketFeed.NoFeedPrice(query.Exchange, query.Symbol, $"no feed for '{query.Exchange}' is configured"));
                break;
            case MarketFeed.Command unknown:
                Sender.Tell(new Status.Failure(new ArgumentException($"no feed for '{unknown.Exchange}' is configured")));
                break;
            case MarketFeeds.GetStatuses:
                Task.WhenAll(_feeds.Select(f => f.Value.Ask<MarketFeed.Status>(new MarketFeed.GetStatus(f.Key), StatusTimeout)))
                    .PipeTo(Sender, success: statuses => new MarketFeeds.Statuses(statuses));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
