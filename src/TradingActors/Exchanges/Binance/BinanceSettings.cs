using TradingActors.Configuration;

namespace TradingActors.Exchanges.Binance;

/// <summary>A Binance-compatible exchange's endpoint (<c>protocol = binance</c>).</summary>
/// <param name="RecvWindow">How stale a signed request may arrive and still be served.</param>
public sealed record BinanceSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan RecvWindow, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
    : EndpointSettings(BaseAddress, ApiKey, ApiSecret, ConnectTimeout, RequestTimeout)
{
    public override ExchangeProtocol Protocol => ExchangeProtocol.Binance;

    public override IExchangeClient Connect() => new BinanceClient(this);

    /// <summary>The key's request weight per minute (exchangeInfo's REQUEST_WEIGHT limit), which every request spends.</summary>
    public int RequestWeightLimit { get; init; } = 6000;

    /// <summary>The orders the key may place per 10 seconds (exchangeInfo's ORDERS limit).</summary>
    public int OrderCountLimit { get; init; } = 100;

    internal static BinanceSettings Read(SettingsReader endpoint)
    {
        var address = Address(endpoint);
        var recvWindow = endpoint.Duration("recv-window");
        if (recvWindow > TimeSpan.FromMinutes(1))
            throw endpoint.Invalid("recv-window", "must be at most 60s, as Binance allows");
        return new BinanceSettings(address, endpoint.String("api-key"), endpoint.String("api-secret"), recvWindow,
            endpoint.Duration("connect-timeout"), endpoint.Duration("request-timeout"))
        {
            RequestWeightLimit = endpoint.Int("request-weight-limit", 1),
            OrderCountLimit = endpoint.Int("order-count-limit", 1),
        };
    }
}
