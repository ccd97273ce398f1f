using TradingActors.Configuration;
using TradingActors.Orders.UserData;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// Where a Binance-compatible exchange is and how to sign for it, from an exchange's
/// <c>endpoint</c> section. The secret is never logged or shown in a status.
/// </summary>
public sealed record BinanceSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan RecvWindow, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
{
    /// <summary>The account's user data stream over the exchange's WebSocket API; null when <c>user-data-stream</c> is off.</summary>
    public UserDataSettings? UserData { get; init; }

    internal static BinanceSettings Read(SettingsReader endpoint)
    {
        var url = endpoint.String("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw endpoint.Invalid("url", "expected an http or https URL");
        var recvWindow = endpoint.Duration("recv-window");
        if (recvWindow > TimeSpan.FromMinutes(1))
            throw endpoint.Invalid("recv-window", "must be at most 60s, as Binance allows");
        return new BinanceSettings(address, endpoint.String("api-key"), endpoint.String("api-secret"), recvWindow,
            endpoint.Duration("connect-timeout"), endpoint.Duration("request-timeout"))
        {
            UserData = UserDataSettings.Read(endpoint, address),
        };
    }

    public override string ToString() => $"{BaseAddress} (key {ApiKey})";
}
