using Akka.Configuration;
using TradingActors.Alerts;
using TradingActors.Exchanges.Binance;
using TradingActors.MarketData;
using TradingActors.Orders;

namespace TradingActors.Configuration;

/// <summary>The engine's settings, read and checked once at start from the <c>trading</c> section.</summary>
/// <param name="Fallbacks">Per exchange, the exchanges to try next when it cannot take a request.</param>
/// <param name="Endpoints">The exchanges reached over HTTP, from their <c>endpoint</c> sections.</param>
/// <param name="Feeds">The exchanges whose market data streams in, from their <c>trading.feeds</c> sections.</param>
/// <param name="Facade">How long the <c>ITradingEngine</c> facade waits for an answer.</param>
/// <param name="Orders">The order ledger: where it journals, and how it reconciles.</param>
/// <param name="Symbols">Per exchange that lists them (<c>trading.exchanges.&lt;name&gt;.symbols</c>), the symbols it trades:
/// an order for another is refused before it is recorded or sent.</param>
public sealed record TradingSettings(
    BreakerSettings Defaults,
    IReadOnlyDictionary<string, BreakerSettings> Exchanges,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fallbacks,
    BreakerAlerts.Settings Alerts,
    IReadOnlyDictionary<string, BinanceSettings> Endpoints,
    IReadOnlyDictionary<string, FeedSettings> Feeds,
    FacadeSettings Facade,
    OrderLedgerSettings Orders,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Symbols)
{
    public const string Section = "trading";

    /// <summary>The engine's reference configuration (hocon/trading.conf): what a host's configuration falls back to.</summary>
    public static Config Reference { get; } = LoadReference();

    /// <summary>The settings of the reference configuration alone.</summary>
    public static TradingSettings DefaultSettings { get; } = From(Config.Empty);

    /// <summary>The settings of an exchange, or the defaults for an exchange that has no section of its own.</summary>
    public BreakerSettings For(string exchange) => Exchanges.TryGetValue(exchange, out var settings) ? settings : Defaults;

    /// <summary>
    /// How long the facade waits for the answer to a request for <paramref name="exchange"/>: the configured
    /// bound, or the longest the engine may take plus the margin. A call's timeout runs from its admission and
    /// covers its wait in the bulkhead and its retries; a routed request may try each exchange of its fallback chain.
    /// </summary>
    public TimeSpan AnswerTimeout(string exchange, bool routed)
    {
        if (Facade.AnswerTimeout is { } fixedBound)
            return fixedBound;
        var longest = For(exchange).CallTimeout;
        if (routed && Fallbacks.TryGetValue(exchange, out var chain))
            foreach (var fallback in chain)
                longest += For(fallback).CallTimeout;
        return longest + Facade.Margin;
    }

    /// <summary>Reads <paramref name="config"/> over the reference configuration; a bad value throws <see cref="SettingsException"/>.</summary>
    public static TradingSettings From(Config config)
    {
        var root = config.WithFallback(Reference);
        var defaults = new SettingsReader(root, $"{Section}.breaker-defaults");
        return new TradingSettings(
            BreakerSettings.Read(defaults),
            Names(root, $"{Section}.exchanges").ToDictionary(
                name => name,
                name => BreakerSettings.Read(new SettingsReader(root, $"{Section}.exchanges.{name}", defaults))),
            ReadFallbacks(root),
            ReadAlerts(new SettingsReader(root, $"{Section}.alerts")),
            ReadEndpoints(root),
            ReadFeeds(root),
            FacadeSettings.Read(new SettingsReader(root, $"{Section}.facade")),
            OrderLedgerSettings.Read(new SettingsReader(root, $"{Section}.orders")),
            ReadSymbols(root));
    }

    private static Dictionary<string, IReadOnlySet<string>> ReadSymbols(Config root) =>
        Names(root, $"{Section}.exchanges")
            .Select(name => (name, symbols: new SettingsReader(root, $"{Section}.exchanges.{name}").Strings("symbols")))
            .Where(exchange => exchange.symbols.Count > 0)
            .ToDictionary(exchange => exchange.name, IReadOnlySet<string> (exchange) => exchange.symbols.ToHashSet(StringComparer.Ordinal));

    /// <summary>Why <paramref name="exchange"/> cannot take an order for <paramref name="symbol"/>, or null when it may.</summary>
    public string? SymbolProblem(string exchange, string symbol) =>
        Symbols.TryGetValue(exchange, out var traded) && !traded.Contains(symbol)
            ? $"{exchange} does not trade {symbol} (trading.exchanges.{exchange}.symbols lists {string.Join(", ", traded.Order(StringComparer.Ordinal))})"
            : null;

    private static Dictionary<string, FeedSettings> ReadFeeds(Config root)
    {
        var defaults = new SettingsReader(root, $"{Section}.feed-defaults");
        return Names(root, $"{Section}.feeds").ToDictionary(
            name => name,
            name => FeedSettings.Read(new SettingsReader(root, $"{Section}.feeds.{name}", defaults)));
    }

    private static Dictionary<string, BinanceSettings> ReadEndpoints(Config root)
    {
        var defaults = new SettingsReader(root, $"{Section}.endpoint-defaults");
        return Names(root, $"{Section}.exchanges")
            .Where(name => root.HasPath($"{Section}.exchanges.{name}.endpoint"))
            .ToDictionary(name => name, name => BinanceSettings.Read(new SettingsReader(root, $"{Section}.exchanges.{name}.endpoint", defaults)));
    }

    private static IEnumerable<string> Names(Config root, string path) =>
        root.HasPath(path) ? root.GetConfig(path).AsEnumerable().Select(e => e.Key).Distinct() : [];

    private static Dictionary<string, IReadOnlyList<string>> ReadFallbacks(Config root)
    {
        var routing = new SettingsReader(root, $"{Section}.routing.fallbacks");
        return Names(root, $"{Section}.routing.fallbacks").ToDictionary(
            primary => primary,
            primary =>
            {
                var chain = routing.Strings(primary);
                return chain.Contains(primary)
                    ? throw new SettingsException(routing.PathOf(primary), $"[{string.Join(", ", chain)}]", "an exchange cannot be its own fallback")
                    : chain;
            });
    }

    private static BreakerAlerts.Settings ReadAlerts(SettingsReader alerts)
    {
        var url = alerts.Has("webhook-url") ? alerts.Optional("webhook-url") : null;
        Uri? webhook = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https")))
            throw new SettingsException(alerts.PathOf("webhook-url"), url, "expected an http or https URL, or an empty string for none");
        return new BreakerAlerts.Settings(alerts.Duration("interval", zeroAllowed: true), webhook, alerts.Duration("webhook-timeout"));
    }

    private static Config LoadReference()
    {
        using var stream = typeof(TradingSettings).Assembly.GetManifestResourceStream("TradingActors.trading.conf")
                           ?? throw new InvalidOperationException("the engine's reference configuration is not embedded");
        using var reader = new StreamReader(stream);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
