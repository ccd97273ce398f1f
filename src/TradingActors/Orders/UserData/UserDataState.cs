namespace TradingActors.Orders.UserData;

public enum UserDataState
{
    /// <summary>Opening the first connection to the WebSocket API and subscribing on it, at start.</summary>
    Connecting,

    /// <summary>Subscribed: the account's executions go to the order ledger as they come.</summary>
    Subscribed,

    /// <summary>The connection or the subscription was lost: waiting out the backoff, connecting and subscribing again.</summary>
    Reconnecting,
}

/// <summary>Published on the EventStream at every change of a user data stream's state.</summary>
/// <param name="Endpoint">The WebSocket API the stream subscribes at.</param>
public sealed record UserDataStreamTransitioned(string Exchange, UserDataState From, UserDataState To, string Reason, DateTimeOffset At, Uri Endpoint);
