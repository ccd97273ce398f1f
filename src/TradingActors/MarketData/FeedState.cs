namespace TradingActors.MarketData;

public enum FeedState
{
    /// <summary>Opening the first socket, at start, to the primary.</summary>
    Connecting,

    /// <summary>Streaming ticks from the primary endpoint.</summary>
    Connected,

    /// <summary>The socket went silent for <c>stale-after</c>; it is being aborted, to be replaced by a new one.</summary>
    Stale,

    /// <summary>No socket: waiting out the backoff or opening one, until the failover rule switches endpoints.</summary>
    Reconnecting,

    /// <summary>Streaming ticks from the backup endpoint, while probing the primary to go back to it.</summary>
    OnBackup,
}

/// <summary>Published on the EventStream at every change of a feed's state.</summary>
/// <param name="Endpoint">The endpoint the feed streams from, or is trying to reach, in its new state.</param>
public sealed record FeedTransitioned(string Exchange, FeedState From, FeedState To, string Reason, DateTimeOffset At, Uri Endpoint);
