using TradingActors.Configuration;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// Where a Bybit v5 exchange is and how to sign for it, from an exchange's <c>endpoint</c> section.
/// The secret is never logged or shown in a status.
/// </summary>
public sealed record BybitSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan RecvWindow, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
{
    internal static BybitSettings Read(SettingsReader endpoint)
    {
        var url = endpoint.String("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            throw endpoint.Invalid("url", "expected an http or https URL");
        var recvWindow = endpoint.Duration("recv-window");
        if (recvWindow.Ticks % TimeSpan.TicksPerMillisecond != 0)
            throw endpoint.Invalid("recv-window", "must be a whole number of milliseconds, as Bybit reads it");
        return new BybitSettings(address, endpoint.String("api-key"), endpoint.String("api-secret"), recvWindow,
            endpoint.Duration("connect-timeout"), endpoint.Duration("request-timeout"));
    }

    public override string ToString() => $"{BaseAddress} (key {ApiKey})";
}
