using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Orders.UserData;

/// <summary>
/// An exchange account's private order stream over the exchange's WebSocket API, read from its <c>endpoint</c> section over
/// <c>trading.endpoint-defaults</c>; hocon/trading.conf holds the defaults and the README's settings table
/// explains each one.
/// </summary>
public sealed record UserDataSettings
{
    /// <summary>
    /// The WebSocket API, such as Binance's <c>wss://ws-api.binance.com:443/ws-api/v3</c>, Bybit's
    /// <c>wss://stream.bybit.com/v5/private</c> or Kraken's <c>wss://ws-auth.kraken.com/v2</c>.
    /// </summary>
    public required Uri Endpoint { get; init; }

    /// <summary>
    /// How often the connection is asked for a <c>ping</c>. The stream is quiet while nothing trades, so an
    /// unanswered ping, not silence, is what shows a dead connection.
    /// </summary>
    public TimeSpan PingInterval { get; init; }

    /// <summary>The longest a subscription or a ping may go unanswered before the connection counts as dead.</summary>
    public TimeSpan AnswerTimeout { get; init; }

    public TimeSpan MinBackoff { get; init; }
    public TimeSpan MaxBackoff { get; init; }
    public double BackoffJitter { get; init; }

    /// <summary>The stream's settings, or null when <c>user-data-stream</c> is off.</summary>
    /// <param name="restAddress">The REST endpoint, from which the WebSocket API's address is derived unless <c>ws-api-url</c> is set.</param>
    internal static UserDataSettings? Read(SettingsReader endpoint, Uri restAddress, ExchangeProtocol protocol)
    {
        if (!endpoint.Bool("user-data-stream"))
            return null;
        var minBackoff = endpoint.Duration("user-data-min-backoff");
        var maxBackoff = endpoint.Duration("user-data-max-backoff");
        if (maxBackoff < minBackoff)
            throw endpoint.Invalid("user-data-max-backoff", $"must be at least user-data-min-backoff ({Durations.Text(minBackoff)})");
        return new UserDataSettings
        {
            Endpoint = ReadEndpoint(endpoint, restAddress, protocol),
            PingInterval = endpoint.Duration("user-data-ping-interval"),
            AnswerTimeout = endpoint.Duration("user-data-answer-timeout"),
            MinBackoff = minBackoff,
            MaxBackoff = maxBackoff,
            BackoffJitter = endpoint.Double("user-data-backoff-jitter", min: 0, max: 1),
        };
    }

    /// <summary>
    /// The address of the WebSocket API on the REST endpoint's host and port, at the protocol's path
    /// (<c>/ws-api/v3</c>, <c>/v5/private</c>, <c>/v2</c>), as the simulator serves it. The exchanges themselves serve
    /// it on another host, so there <c>ws-api-url</c> is needed.
    /// </summary>
    public static Uri DerivedFrom(Uri restAddress, ExchangeProtocol protocol = ExchangeProtocol.Binance) => new UriBuilder(restAddress)
    {
        Scheme = restAddress.Scheme == "https" ? "wss" : "ws",
        Path = protocol switch
        {
            ExchangeProtocol.Bybit => "/v5/private",
            ExchangeProtocol.Kraken => "/v2",
            _ => "/ws-api/v3",
        },
        Query = "",
    }.Uri;

    private static Uri ReadEndpoint(SettingsReader endpoint, Uri restAddress, ExchangeProtocol protocol)
    {
        if (endpoint.Optional("ws-api-url") is not { } url)
            return DerivedFrom(restAddress, protocol);
        return Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "ws" or "wss"
            ? address
            : throw endpoint.Invalid("ws-api-url", "expected a ws or wss URL, or an empty string to derive it from url");
    }
}
