using System.Buffers.Text;
using TradingActors.Configuration;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// A Kraken-compatible exchange's endpoint (<c>protocol = kraken</c>). The secret is Kraken's private key, base64
/// text as Kraken hands it out. The call counters' limits are those of Kraken's Starter tier unless set.
/// </summary>
public sealed record KrakenSettings(Uri BaseAddress, string ApiKey, string ApiSecret, TimeSpan ConnectTimeout, TimeSpan RequestTimeout)
    : EndpointSettings(BaseAddress, ApiKey, ApiSecret, ConnectTimeout, RequestTimeout)
{
    public override ExchangeProtocol Protocol => ExchangeProtocol.Kraken;

    public override IExchangeClient Connect() => new KrakenClient(this);

    /// <summary>The REST API counter's maximum (Starter 15, Intermediate and Pro 20).</summary>
    public double ApiCounterLimit { get; init; } = 15;

    /// <summary>How much the REST API counter decays each second (Starter 0.33, Intermediate 0.5, Pro 1).</summary>
    public double ApiCounterDecayPerSecond { get; init; } = 0.33;

    /// <summary>The trading engine's counter threshold, which AddOrder and CancelOrder spend (Starter 60).</summary>
    public double TradingCounterLimit { get; init; } = 60;

    /// <summary>How much the trading counter decays each second (Starter 1).</summary>
    public double TradingCounterDecayPerSecond { get; init; } = 1;

    // Kraken's cl_ord_id: a UUID, with or without its dashes, or free text of at most this many characters.
    private const int MaxFreeTextClientOrderId = 18;

    internal override string? ClientOrderIdProblem(string clientOrderId) =>
        clientOrderId.Length <= MaxFreeTextClientOrderId || Guid.TryParseExact(clientOrderId, "D", out _) || Guid.TryParseExact(clientOrderId, "N", out _)
            ? null
            : $"a Kraken cl_ord_id is a UUID or at most {MaxFreeTextClientOrderId} characters";

    internal static KrakenSettings Read(SettingsReader endpoint)
    {
        var address = Address(endpoint);
        var secret = endpoint.String("api-secret");
        if (!Base64.IsValid(secret, out var length) || length == 0)
            // Not endpoint.Invalid, which echoes the value: a mistyped secret is still most of a secret.
            throw new SettingsException(endpoint.PathOf("api-secret"), null, "expected Kraken's private key, in base64");
        return new KrakenSettings(address, endpoint.String("api-key"), secret,
            endpoint.Duration("connect-timeout"), endpoint.Duration("request-timeout"))
        {
            ApiCounterLimit = (double)endpoint.Decimal("api-counter-limit", 1),
            ApiCounterDecayPerSecond = (double)endpoint.Decimal("api-counter-decay", 0, minIncluded: false),
            TradingCounterLimit = (double)endpoint.Decimal("trading-counter-limit", 1),
            TradingCounterDecayPerSecond = (double)endpoint.Decimal("trading-counter-decay", 0, minIncluded: false),
        };
    }
}
