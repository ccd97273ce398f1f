using Akka.Configuration;
using TradingActors.Alerts;
using TradingActors.Exchanges;
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
/// <param name="Cluster">Cluster mode: off unless <c>trading.cluster.enabled</c> is on.</param>
public sealed record TradingSettings(
    BreakerSettings Defaults,
    IReadOnlyDictionary<string, BreakerSettings> Exchanges,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Fallbacks,
    BreakerAlerts.Settings Alerts,
    IReadOnlyDictionary<string, EndpointSettings> Endpoints,
    IReadOnlyDictionary<string, FeedSettings> Feeds,
    FacadeSettings Facade,
    OrderLedgerSettings Orders,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Symbols,
    ClusterSettings Cluster)
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
    /// In cluster mode a node waits for a breaker on another node as long as it could take, and the hand-over's patience.
    /// </summary>
    public TimeSpan AnswerTimeout(string exchange, bool routed)
    {
        if (Facade.AnswerTimeout is { } fixedBound)
            return fixedBound;
        var longest = Longest(exchange);
        if (routed && Fallbacks.TryGetValue(exchange, out var chain))
            foreach (var fallback in chain)
                longest += Longest(fallback);
        return longest + Facade.Margin;
    }

    private TimeSpan Longest(string exchange) => Cluster.Enabled ? ClusterPatience(exchange) : For(exchange).CallTimeout;

    /// <summary>
    /// Cluster mode: how long a node waits for the answer of <paramref name="exchange"/>'s breaker on another node. The longest a
    /// breaker takes (a call that waited its call timeout in the bulkhead, then ran it), and the allowance for a hand-over.
    /// </summary>
    internal TimeSpan ClusterPatience(string exchange) => For(exchange).CallTimeout * 2 + Cluster.HandOverPatience;

    /// <summary>
    /// Reads <paramref name="config"/> over the reference configuration; a bad value throws <see cref="SettingsException"/>.
    /// A key the reference configuration does not have at that place is refused, so a misspelt setting never runs on its default.
    /// </summary>
    public static TradingSettings From(Config config)
    {
        var trading = new SettingsReader(config.WithFallback(Reference), Section);
        trading.RejectUnknownKeys(KnownKeys(""));
        var defaults = Checked(trading.Section("breaker-defaults"), BreakerKeys);
        var exchanges = Named(trading.Section("exchanges"), name => Checked(trading.Section($"exchanges.{name}", defaults), BreakerKeys.Concat(["endpoint", "symbols"])));
        var endpoints = ReadEndpoints(trading, exchanges);
        return new TradingSettings(
            BreakerSettings.Read(defaults),
            exchanges.ToDictionary(exchange => exchange.Key, exchange => BreakerSettings.Read(exchange.Value)),
            ReadFallbacks(Checked(trading.Section("routing"), KnownKeys("routing")).Section("fallbacks"), exchanges.Keys),
            ReadAlerts(Checked(trading.Section("alerts"), KnownKeys("alerts"))),
            endpoints,
            ReadFeeds(trading, endpoints),
            FacadeSettings.Read(Checked(trading.Section("facade"), KnownKeys("facade"))),
            OrderLedgerSettings.Read(Checked(trading.Section("orders"), KnownKeys("orders"))),
            exchanges.Select(exchange => (exchange.Key, Symbols: exchange.Value.Strings("symbols")))
                .Where(exchange => exchange.Symbols.Count > 0)
                .ToDictionary(exchange => exchange.Key, IReadOnlySet<string> (exchange) => exchange.Symbols.ToHashSet(StringComparer.Ordinal)),
            ClusterSettings.Read(Checked(trading.Section("cluster"), KnownKeys("cluster"))));
    }

    /// <summary>
    /// Why an order under <paramref name="clientOrderId"/> cannot go to <paramref name="exchange"/>, or to an exchange it may
    /// fall back to, by that exchange's own rule for client order ids; null when every one of them takes it.
    /// </summary>
    public string? ClientOrderIdProblem(string exchange, string clientOrderId) =>
        new[] { exchange }.Concat(Fallbacks.GetValueOrDefault(exchange) ?? [])
            .Select(candidate => Endpoints.GetValueOrDefault(candidate)?.ClientOrderIdProblem(clientOrderId) is { } problem
                ? candidate == exchange ? $"{candidate}: {problem}" : $"{candidate}, which it may fall back to: {problem}"
                : null)
            .FirstOrDefault(problem => problem is not null);

    /// <summary>Why <paramref name="exchange"/> cannot take an order for <paramref name="symbol"/>, or null when it may.</summary>
    public string? SymbolProblem(string exchange, string symbol) =>
        Symbols.TryGetValue(exchange, out var traded) && !traded.Contains(symbol)
            ? $"{exchange} does not trade {symbol} (trading.exchanges.{exchange}.symbols lists {string.Join(", ", traded.Order(StringComparer.Ordinal))})"
            : null;

    // half-open-max-calls has no default of its own (unset, it is the success threshold), so the reference leaves it out.
    private static IEnumerable<string> BreakerKeys => KnownKeys("breaker-defaults").Append("half-open-max-calls");

    private static IEnumerable<string> EndpointKeys => KnownKeys("endpoint-defaults").Concat(["url", "api-key", "api-secret"]);

    private static IEnumerable<string> FeedKeys => KnownKeys("feed-defaults").Concat(["primary", "symbols"]);

    private static IEnumerable<string> KnownKeys(string section) =>
        new SettingsReader(Reference, section.Length == 0 ? Section : $"{Section}.{section}").Keys;

    private static SettingsReader Checked(SettingsReader section, IEnumerable<string> known)
    {
        section.RejectUnknownKeys(known);
        return section;
    }

    /// <summary>The sections of a section of names (an exchange's, a feed's), each refused unless it is an object.</summary>
    private static Dictionary<string, SettingsReader> Named(SettingsReader names, Func<string, SettingsReader> read) =>
        names.Keys.ToDictionary(name => name, read);

    private static Dictionary<string, FeedSettings> ReadFeeds(SettingsReader trading, Dictionary<string, EndpointSettings> endpoints)
    {
        var defaults = Checked(trading.Section("feed-defaults"), FeedKeys);
        return Named(trading.Section("feeds"), name => Checked(trading.Section($"feeds.{name}", defaults), FeedKeys))
            .ToDictionary(feed => feed.Key, feed => FeedSettings.Read(feed.Value, endpoints.GetValueOrDefault(feed.Key)?.Protocol));
    }

    private static Dictionary<string, EndpointSettings> ReadEndpoints(SettingsReader trading, Dictionary<string, SettingsReader> exchanges)
    {
        var defaults = Checked(trading.Section("endpoint-defaults"), EndpointKeys);
        return exchanges.Where(exchange => exchange.Value.Has("endpoint"))
            .ToDictionary(exchange => exchange.Key,
                exchange => EndpointSettings.FromSection(Checked(exchange.Value.Section("endpoint", defaults), EndpointKeys)));
    }

    /// <summary>Each chain names exchanges configured under trading.exchanges: a misspelt one would never be tried.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadFallbacks(SettingsReader fallbacks, IReadOnlyCollection<string> exchanges)
    {
        var configured = exchanges.Count == 0 ? "none is" : string.Join(", ", exchanges) + " are";
        return fallbacks.Keys.ToDictionary(
            primary => primary,
            primary =>
            {
                if (!exchanges.Contains(primary))
                    throw fallbacks.Invalid(primary, $"{primary} is not an exchange configured under trading.exchanges ({configured})");
                var chain = fallbacks.Strings(primary);
                if (chain.FirstOrDefault(fallback => !exchanges.Contains(fallback)) is { } unknown)
                    throw fallbacks.Invalid(primary, $"{unknown} is not an exchange configured under trading.exchanges ({configured})");
                return chain.Contains(primary) ? throw fallbacks.Invalid(primary, "an exchange cannot be its own fallback") : chain;
            });
    }

    private static BreakerAlerts.Settings ReadAlerts(SettingsReader alerts)
    {
        var url = alerts.Has("webhook-url") ? alerts.Optional("webhook-url") : null;
        Uri? webhook = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https")))
            throw alerts.Invalid("webhook-url", "expected an http or https URL, or an empty string for none");
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
