using TradingActors.Configuration;

namespace TradingActors.Exchanges.Bybit;

/// <summary>A Bybit v5 exchange's endpoint (<c>protocol = bybit</c>).</summary>
/// <param name="RecvWindow">How stale a signed request may arrive and still be served.</param>
public sealed record BybitSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan RecvWindow, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
    : EndpointSettings(BaseAddress, ApiKey, ApiSecret, ConnectTimeout, RequestTimeout)
{
    public override ExchangeProtocol Protocol => ExchangeProtocol.Bybit;

    public override IExchangeClient Connect() => new BybitClient(this);

    /// <summary>Bybit's orderLinkId takes letters, digits, dashes and underscores only.</summary>
    internal override string? ClientOrderIdProblem(string clientOrderId) =>
        clientOrderId.AsSpan().ContainsAny(".:/")
            ? "a Bybit orderLinkId may hold only letters, digits, - and _"
            : null;

    internal static BybitSettings Read(SettingsReader endpoint)
    {
        var address = Address(endpoint);
        var recvWindow = endpoint.Duration("recv-window");
        if (recvWindow.Ticks % TimeSpan.TicksPerMillisecond != 0)
            throw endpoint.Invalid("recv-window", "must be a whole number of milliseconds, as Bybit reads it");
        return new BybitSettings(address, endpoint.String("api-key"), endpoint.String("api-secret"), recvWindow,
            endpoint.Duration("connect-timeout"), endpoint.Duration("request-timeout"));
    }
}
