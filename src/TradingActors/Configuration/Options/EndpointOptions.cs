using TradingActors.Exchanges;

namespace TradingActors.Configuration.Options;

/// <summary>An exchange's endpoint (<c>endpoint-defaults</c>, or an exchange's <c>endpoint</c>); null keeps the default.</summary>
public sealed class EndpointOptions
{
    public ExchangeProtocol? Protocol { get; set; }
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public string? ApiSecret { get; set; }
    public TimeSpan? RecvWindow { get; set; }
    public TimeSpan? ConnectTimeout { get; set; }
    public TimeSpan? RequestTimeout { get; set; }

    public bool? RateBudget { get; set; }
    public double? RateHeadroom { get; set; }
    public int? RequestWeightLimit { get; set; }
    public int? OrderCountLimit { get; set; }
    public double? ApiCounterLimit { get; set; }
    public double? ApiCounterDecay { get; set; }
    public double? TradingCounterLimit { get; set; }
    public double? TradingCounterDecay { get; set; }

    public bool? UserDataStream { get; set; }

    /// <summary>Empty: derived from <see cref="Url"/>, as the simulator serves it.</summary>
    public string? WsApiUrl { get; set; }

    public TimeSpan? UserDataPingInterval { get; set; }
    public TimeSpan? UserDataAnswerTimeout { get; set; }
    public TimeSpan? UserDataMinBackoff { get; set; }
    public TimeSpan? UserDataMaxBackoff { get; set; }
    public double? UserDataBackoffJitter { get; set; }
}
