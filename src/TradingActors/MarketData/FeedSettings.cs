using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.MarketData;

/// <summary>
/// One exchange's market data feed, read from <c>trading.feeds.&lt;exchange&gt;</c> over <c>trading.feed-defaults</c>.
/// The defaults live in one place, hocon/trading.conf, whose comments explain each setting.
/// </summary>
public sealed record FeedSettings
{
    /// <summary>The protocol the stream endpoints speak: Binance's trade streams, Bybit v5's public stream or Kraken's WebSocket v2.</summary>
    public ExchangeProtocol Protocol { get; init; }

    /// <summary>The stream endpoint the feed prefers, such as <c>wss://stream.binance.com:9443/stream</c>.</summary>
    public required Uri Primary { get; init; }

    /// <summary>Where the feed fails over to; null: nowhere, it keeps reconnecting to the primary.</summary>
    public Uri? Backup { get; init; }

    public required IReadOnlyList<string> Symbols { get; init; }

    public TimeSpan StaleAfter { get; init; }
    public TimeSpan ConnectTimeout { get; init; }

    public TimeSpan MinBackoff { get; init; }
    public TimeSpan MaxBackoff { get; init; }
    public double BackoffJitter { get; init; }

    public int FailoverAfterAttempts { get; init; }
    public TimeSpan FailoverAfter { get; init; }
    public TimeSpan PrimaryProbeInterval { get; init; }

    /// <summary>
    /// How many frames the socket's reader may read ahead of the feed actor; when that many wait, it stops
    /// reading the socket, and TCP slows the exchange down.
    /// </summary>
    public int ReadAhead { get; init; }

    /// <summary>How often the gaps met are logged, as one summary line.</summary>
    public TimeSpan GapReportInterval { get; init; }

    // Each frame waiting is an array of a few hundred bytes: a window this wide is already tens of megabytes.
    private const int MaxReadAhead = 100_000;

    /// <summary>The reference configuration's defaults for a feed of <paramref name="symbols"/> from <paramref name="primary"/>; adjust them with <c>with</c>.</summary>
    public static FeedSettings Default(Uri primary, params IReadOnlyList<string> symbols) =>
        Read(new SettingsReader(TradingSettings.Reference, $"{TradingSettings.Section}.feed-defaults"), primary, null,
            [.. symbols.Select(s => s.ToUpperInvariant())]);

    /// <param name="endpointProtocol">The protocol of the exchange's endpoint, which its feed speaks unless it says otherwise; null: it has none.</param>
    internal static FeedSettings Read(SettingsReader feed, ExchangeProtocol? endpointProtocol)
    {
        var primary = ReadEndpoint(feed, "primary");
        Uri? backup = feed.Optional("backup") is null ? null : ReadEndpoint(feed, "backup");
        if (backup is not null && backup == primary)
            throw feed.Invalid("backup", "must differ from primary");
        return Read(feed, primary, backup, ReadSymbols(feed)) with
        {
            Protocol = feed.Optional("protocol") is null ? endpointProtocol ?? ExchangeProtocol.Binance : feed.Enum<ExchangeProtocol>("protocol"),
        };
    }

    private static FeedSettings Read(SettingsReader feed, Uri primary, Uri? backup, IReadOnlyList<string> symbols)
    {
        var minBackoff = feed.Duration("min-backoff");
        var maxBackoff = feed.Duration("max-backoff");
        if (maxBackoff < minBackoff)
            throw feed.Invalid("max-backoff", $"must be at least min-backoff ({Durations.Text(minBackoff)})");
        return new FeedSettings
        {
            Primary = primary,
            Backup = backup,
            Symbols = symbols,
            StaleAfter = feed.Duration("stale-after"),
            ConnectTimeout = feed.Duration("connect-timeout"),
            MinBackoff = minBackoff,
            MaxBackoff = maxBackoff,
            BackoffJitter = feed.Double("backoff-jitter", min: 0, max: 1),
            FailoverAfterAttempts = feed.Int("failover-after-attempts", min: 1),
            FailoverAfter = feed.Duration("failover-after"),
            PrimaryProbeInterval = feed.Duration("primary-probe-interval"),
            ReadAhead = feed.Int("read-ahead", min: 1, max: MaxReadAhead),
            GapReportInterval = feed.Duration("gap-report-interval"),
        };
    }

    private static Uri ReadEndpoint(SettingsReader feed, string key)
    {
        var url = feed.String(key);
        return Uri.TryCreate(url, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "ws" or "wss"
            ? endpoint
            : throw feed.Invalid(key, "expected a ws or wss URL");
    }

    private static string[] ReadSymbols(SettingsReader feed)
    {
        var symbols = feed.Strings("symbols");
        if (symbols.Count == 0)
            throw new SettingsException(feed.PathOf("symbols"), null, "expected at least one symbol, such as [BTCUSDT]");
        return symbols.FirstOrDefault(s => s.Length == 0 || !s.All(char.IsAsciiLetterOrDigit)) is { } bad
            ? throw new SettingsException(feed.PathOf("symbols"), bad, "a symbol is letters and digits, such as BTCUSDT")
            : symbols.Select(s => s.ToUpperInvariant()).Distinct().ToArray();
    }
}
