using System.Text.Json;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;

namespace TradingActors.Orders.UserData;

/// <summary>
/// An exchange's private order stream, as the user data stream speaks it: the requests that subscribe a new
/// socket (sent one at a time, each once the one before it is accepted), the ping that shows a quiet socket
/// lives, and how each frame that comes back reads: an answer, by request id; an execution, which becomes the
/// ledger's <see cref="OrderLedger.ExecutionReported"/>; the end of the subscription; or nothing the stream needs.
/// One instance per stream, for the account it signs for.
/// </summary>
internal abstract class UserDataProtocol : IDisposable
{
    public abstract record Frame;

    /// <param name="Id">The id of the request answered; null when the endpoint could not read one.</param>
    /// <param name="Problem">The refusal, in the exchange's words; null when the request was accepted.</param>
    /// <param name="SubscriptionId">What an accepted subscription's answer names, where the exchange numbers subscriptions.</param>
    /// <param name="RetryAfter">How long a rate-limited or banned client must wait before it asks again.</param>
    public sealed record Answer(long? Id, string? Problem, int? SubscriptionId = null, TimeSpan? RetryAfter = null) : Frame;

    /// <param name="SubscriptionId">The subscription it came on, where the exchange numbers them; null elsewhere.</param>
    public sealed record Execution(int? SubscriptionId, IReadOnlyList<OrderLedger.ExecutionReported> Reported) : Frame;

    /// <summary>The subscription has ended: nothing more comes on it.</summary>
    public sealed record Terminated(int? SubscriptionId) : Frame;

    /// <summary>A frame that says nothing about orders: a balance update, a heartbeat, the connection's status.</summary>
    public sealed record Other(string What) : Frame;

    public sealed record Unreadable(string Problem) : Frame;

    public static UserDataProtocol For(string exchange, EndpointSettings endpoint) => endpoint switch
    {
        BinanceSettings binance => new BinanceUserData(exchange, binance),
        BybitSettings bybit => new BybitUserData(exchange, bybit),
        KrakenSettings kraken => new KrakenUserData(exchange, kraken),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "no user data stream for this protocol"),
    };

    /// <summary>How many requests subscribe a new socket.</summary>
    public abstract int SubscribeSteps { get; }

    /// <summary>The <paramref name="step"/>th request that subscribes a socket, under <paramref name="id"/>, written at <paramref name="now"/>.</summary>
    /// <param name="token">What <see cref="FetchTokenAsync"/> gave for this socket; null where the exchange asks for none.</param>
    public abstract string Subscribe(int step, long id, DateTimeOffset now, string? token);

    public abstract string Ping(long id);

    /// <summary>Whether an accepted subscription must name its id (Binance's, which events then carry).</summary>
    public virtual bool NumbersSubscriptions => false;

    /// <summary>Whether a socket's subscription needs a token asked for over REST first (Kraken's).</summary>
    public virtual bool NeedsToken => false;

    /// <summary>A token to subscribe one new socket with.</summary>
    public virtual Task<string> FetchTokenAsync(CancellationToken cancellation) =>
        throw new NotSupportedException("this exchange's stream needs no token");

    public abstract Frame Read(string text);

    public virtual void Dispose()
    {
    }

    /// <summary>Reads <paramref name="text"/> as one JSON object with <paramref name="read"/>; anything it cannot read is unreadable.</summary>
    protected static Frame ReadObject(string text, Func<JsonElement, Frame> read)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : new Unreadable("not a JSON object");
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException
                                          or KeyNotFoundException or ArgumentException or OverflowException)
        {
            return new Unreadable(error.Message);
        }
    }

    protected static string Text(JsonElement element, string property) =>
        element.GetProperty(property).GetString() is { Length: > 0 } text ? text : throw new FormatException($"'{property}' is empty");

    /// <summary>An amount written as a string of plain decimal digits.</summary>
    protected static decimal Amount(JsonElement element, string property) => PlainDecimal.Parse(Text(element, property), $"'{property}'");

    protected static OrderSide SideOf(string side, string property) => side.ToUpperInvariant() switch
    {
        "BUY" => OrderSide.Buy,
        "SELL" => OrderSide.Sell,
        _ => throw new FormatException($"'{property}' is '{side}', neither buy nor sell"),
    };
}
