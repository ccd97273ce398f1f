using TradingActors.Exchanges;

namespace TradingActors.Configuration.Options;

/// <summary>A market data feed (<c>feed-defaults</c>, or a feed's section); null keeps the default.</summary>
public sealed class FeedOptions
{
    /// <summary>What the stream endpoints speak; unset: the protocol of the exchange's endpoint, binance without one.</summary>
    public ExchangeProtocol? Protocol { get; set; }

    public string? Primary { get; set; }

    /// <summary>Empty: none, the feed keeps to the primary.</summary>
    public string? Backup { get; set; }

    public IList<string>? Symbols { get; set; }
    public TimeSpan? StaleAfter { get; set; }
    public TimeSpan? ConnectTimeout { get; set; }
    public TimeSpan? MinBackoff { get; set; }
    public TimeSpan? MaxBackoff { get; set; }
    public double? BackoffJitter { get; set; }
    public int? FailoverAfterAttempts { get; set; }
    public TimeSpan? FailoverAfter { get; set; }
    public TimeSpan? PrimaryProbeInterval { get; set; }
    public int? ReadAhead { get; set; }
    public TimeSpan? GapReportInterval { get; set; }
}
