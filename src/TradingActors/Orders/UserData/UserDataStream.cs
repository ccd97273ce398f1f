using Akka.Actor;
using TradingActors.Exchanges;
using TradingActors.MarketData;

namespace TradingActors.Orders.UserData;

/// <summary>
/// The user data stream actor: one per exchange account, subscribed to its orders' news on the exchange's
/// WebSocket API, in the exchange's protocol (<see cref="UserDataProtocol"/>). Each order's news goes to the order
/// ledger as <see cref="OrderLedger.ExecutionReported"/>, where it merges with the order's replies and queries.
/// A lost connection, a refused subscription or an unanswered ping is followed by a reconnect with backoff,
/// and every subscription, the first and each after a reconnect, tells the ledger
/// <see cref="OrderLedger.StreamResumed"/>, so that what a gap may have hidden is asked for.
/// A stream that answers pings but sends no events (a stall) cannot be told from a quiet one: the ledger's
/// periodic check is what finds what it missed.
/// </summary>
internal static class UserDataStream
{
    /// <param name="endpoint">The exchange's endpoint, with its signing pair; its <see cref="EndpointSettings.UserData"/> must be set.</param>
    /// <param name="client">Opens the WebSocket API's sockets: a <see cref="WebSocketStreamClient"/>, or a test's stand-in.</param>
    /// <param name="ledger">Where the executions go: the order ledger.</param>
    public static Props Props(string exchange, EndpointSettings endpoint, IMarketStreamClient client, IActorRef ledger)
    {
        var settings = endpoint.UserData
                       ?? throw new ArgumentException($"the user data stream of {exchange} is off (user-data-stream = off)", nameof(endpoint));
        return Akka.Actor.Props.Create(() => new UserDataStreamActor(exchange, endpoint, settings, client, ledger));
    }
}

/// <summary>
/// The user data streams' parent, <c>/user/trading/user-data</c>: one <see cref="UserDataStream"/> per exchange
/// with an endpoint whose <c>user-data-stream</c> is on, named after the exchange.
/// </summary>
internal static class UserDataStreams
{
    public const string Name = "user-data";

    public static Props Props(IReadOnlyDictionary<string, EndpointSettings> endpoints, IMarketStreamClient client, IActorRef ledger) =>
        Akka.Actor.Props.Create(() => new UserDataStreamsActor(endpoints, client, ledger));
}

internal sealed class UserDataStreamsActor : UntypedActor
{
    public UserDataStreamsActor(IReadOnlyDictionary<string, EndpointSettings> endpoints, IMarketStreamClient client, IActorRef ledger)
    {
        foreach (var (exchange, endpoint) in endpoints)
            if (endpoint.UserData is not null)
                Context.ActorOf(UserDataStream.Props(exchange, endpoint, client, ledger), Uri.EscapeDataString(exchange));
    }

    protected override void OnReceive(object message) => Unhandled(message);
}
