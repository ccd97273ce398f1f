namespace TradingActors.Configuration.Options;

/// <summary>
/// The engine's settings in code, <c>akka.WithTradingEngine(options => ...)</c>, or from an <c>IConfiguration</c> section such as
/// <c>Trading</c> in appsettings.json. Every option is named for its HOCON key in PascalCase (<c>failure-threshold</c>:
/// <see cref="BreakerOptions.FailureThreshold"/>), every section for its section (<c>breaker-defaults</c>: <see cref="BreakerDefaults"/>),
/// so the README's HOCON tables document both. An option left null keeps the reference configuration's default.
/// The options are turned into the HOCON they stand for and read by <see cref="TradingSettings.From"/>: they are checked by
/// the same rules, and give the same settings, as HOCON.
/// </summary>
public sealed class TradingOptions
{
    /// <summary><c>breaker-defaults</c>: the breaker of every exchange, where its own section does not say otherwise.</summary>
    public BreakerOptions BreakerDefaults { get; set; } = new();

    /// <summary><c>exchanges</c>: one section per exchange, named as requests name it.</summary>
    public Dictionary<string, ExchangeOptions> Exchanges { get; set; } = new(StringComparer.Ordinal);

    public RoutingOptions Routing { get; set; } = new();

    public AlertsOptions Alerts { get; set; } = new();

    public FacadeOptions Facade { get; set; } = new();

    public OrdersOptions Orders { get; set; } = new();

    public ClusterModeOptions Cluster { get; set; } = new();

    /// <summary><c>endpoint-defaults</c>: how every exchange with an endpoint is reached, where its endpoint does not say otherwise.</summary>
    public EndpointOptions EndpointDefaults { get; set; } = new();

    /// <summary><c>feed-defaults</c>: every feed's settings, where its own section does not say otherwise.</summary>
    public FeedOptions FeedDefaults { get; set; } = new();

    /// <summary><c>feeds</c>: one market data feed per exchange, named as the exchange's breaker is.</summary>
    public Dictionary<string, FeedOptions> Feeds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The section of exchange <paramref name="name"/>, added if it has none yet, then configured. An exchange named in
    /// <see cref="Fallbacks"/> needs a section, if only <c>options.Exchange("bybit")</c>, as in HOCON.
    /// </summary>
    public TradingOptions Exchange(string name, Action<ExchangeOptions>? configure = null)
    {
        var exchange = Section(Exchanges, name);
        configure?.Invoke(exchange);
        return this;
    }

    /// <summary>The feed of exchange <paramref name="name"/>, added if it has none yet, then configured.</summary>
    public TradingOptions Feed(string name, Action<FeedOptions> configure)
    {
        configure(Section(Feeds, name));
        return this;
    }

    /// <summary>Where a request for <paramref name="exchange"/> goes when that exchange cannot take it, in this order.</summary>
    public TradingOptions Fallbacks(string exchange, params IReadOnlyList<string> fallbacks)
    {
        Routing.Fallbacks[exchange] = [.. fallbacks];
        return this;
    }

    private static TSection Section<TSection>(Dictionary<string, TSection> sections, string name) where TSection : new()
    {
        if (!sections.TryGetValue(name, out var section))
            sections[name] = section = new TSection();
        return section;
    }
}
