using TradingActors.Configuration;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;
using TradingActors.Orders.UserData;

namespace TradingActors.Exchanges;

/// <summary>The API an exchange's endpoint speaks, from its <c>protocol</c> key.</summary>
public enum ExchangeProtocol { Binance, Bybit, Kraken }

/// <summary>
/// Where an exchange is reached over HTTP and the key pair that signs for it, from an exchange's <c>endpoint</c>
/// section over <c>trading.endpoint-defaults</c>; each protocol adds what its own API asks for. The secret is
/// never logged or shown in a status.
/// </summary>
public abstract record EndpointSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
{
    public abstract ExchangeProtocol Protocol { get; }

    /// <summary>
    /// The share of a rate limit that prices and queries may spend, orders and cancels keeping the rest; null when
    /// <c>rate-budget</c> is off, and only the exchange's own refusals (a 429, which opens the breaker) hold the engine back.
    /// </summary>
    public decimal? RateHeadroom { get; init; } = 0.8m;

    /// <summary>The account's private order stream over the exchange's WebSocket API; null when <c>user-data-stream</c> is off.</summary>
    public UserDataSettings? UserData { get; init; }

    /// <summary>
    /// Why the exchange would refuse <paramref name="clientOrderId"/> where the engine's own rule (Binance's: up to 36
    /// letters, digits and <c>. _ - : /</c>) takes it; null when it takes it too.
    /// </summary>
    internal virtual string? ClientOrderIdProblem(string clientOrderId) => null;

    /// <summary>A client for this endpoint: the one <see cref="ExchangeConnector"/> calls.</summary>
    public abstract IExchangeClient Connect();

    internal static EndpointSettings FromSection(SettingsReader endpoint)
    {
        EndpointSettings settings = endpoint.Enum<ExchangeProtocol>("protocol") switch
        {
            ExchangeProtocol.Binance => BinanceSettings.Read(endpoint),
            ExchangeProtocol.Bybit => BybitSettings.Read(endpoint),
            _ => KrakenSettings.Read(endpoint),
        };
        var headroom = endpoint.Decimal("rate-headroom", 0, minIncluded: false);
        if (headroom > 1)
            throw endpoint.Invalid("rate-headroom", "must be at most 1: a share of the exchange's limit");
        return settings with
        {
            RateHeadroom = endpoint.Bool("rate-budget") ? headroom : null,
            UserData = UserDataSettings.Read(endpoint, settings.BaseAddress, settings.Protocol),
        };
    }

    /// <summary>
    /// One pooled client for the endpoint: the connect timeout proves a request never sent, and connections are
    /// renewed every few minutes so that a moved DNS name is followed.
    /// </summary>
    internal HttpClient NewHttpClient() => new(new SocketsHttpHandler
    {
        ConnectTimeout = ConnectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = BaseAddress,
        Timeout = RequestTimeout,
    };

    /// <summary>The REST address from the endpoint's <c>url</c>: an absolute http or https URL.</summary>
    internal static Uri Address(SettingsReader endpoint)
    {
        var url = endpoint.String("url");
        return Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? address
            : throw endpoint.Invalid("url", "expected an http or https URL");
    }

    public sealed override string ToString() => $"{Protocol} at {BaseAddress} (key {ApiKey})";
}
