using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingActors.Cluster;
using TradingActors.Configuration;
using TradingActors.Configuration.Options;
using TradingActors.Metrics;
using TradingActors.Orders;

namespace TradingActors.Hosting;

/// <summary>
/// Wires the engine into a host's actor system, configured in HOCON, in code or from the host's configuration:
/// <code>
/// services.AddAkka("trading", akka => akka.WithTradingEngine(config));
/// services.AddAkka("trading", akka => akka.WithTradingEngine(options => options.Exchange("binance", b => b.FailureThreshold = 3)));
/// services.AddAkka("trading", akka => akka.WithTradingEngine(configuration.GetSection("Trading")));
/// services.AddTradingEngine(); // ITradingEngine, for code that is not an actor
/// services.AddHealthChecks();  // the engine's EngineHealthCheck is among them
/// </code>
/// </summary>
public static class TradingEngineHosting
{
    // The engine answers with its parts as soon as it has started them: a bound for a machine under load.
    private static readonly TimeSpan PartsTimeout = TimeSpan.FromSeconds(10);
    // A status round trip through every breaker; longer means the engine is too busy to call healthy.
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Actor registry keys of the engine's parts.</summary>
    public static class Keys
    {
        public sealed class Exchanges;
        public sealed class Router;
        public sealed class Alerts;
        public sealed class Feeds;
        public sealed class Orders;

        /// <summary>Cluster mode: the shard region of the exchanges' breakers.</summary>
        public sealed class Breakers;
    }

    /// <summary>
    /// Starts the engine at <c>/user/trading</c> with <paramref name="config"/> (its <c>trading</c> section over
    /// the engine's reference configuration) and registers its parts in the <see cref="ActorRegistry"/>.
    /// A bad configuration value fails here, before the host starts, naming its HOCON path. With <c>trading.cluster.enabled</c>
    /// it also wires remoting, the cluster, the breakers' shard region and the ledger's singleton (README, "Beyond one node").
    /// </summary>
    /// <param name="connector">Props of each exchange's actor; by default a Binance-compatible HTTP connector for
    /// every exchange with an endpoint section. Tests pass probes or simulated exchanges here.</param>
    public static AkkaConfigurationBuilder WithTradingEngine(
        this AkkaConfigurationBuilder builder, Config config, Func<ActorSystem, string, Props?>? connector = null)
    {
        var settings = TradingSettings.From(config);
        LedgerStorage.CheckWritable(settings.Orders);
        // One set of connections per actor system: a host that configures Akka.Persistence.Sql itself may have added it.
        if (builder.Setups.OfType<MultiDataOptionsSetup>().FirstOrDefault() is not { } connections)
            builder.AddSetup(connections = new MultiDataOptionsSetup());
        LedgerStorage.AddConnections(settings.Orders, connections);
        // Made once for the builder's one actor system: in cluster mode its breakers' shard region and its registry both
        // ask, and each set of endpoint connectors holds HTTP clients of its own.
        Func<string, Props?>? connectors = null;
        Func<ActorSystem, Func<string, Props?>> connectorsOf = system => connectors ??= connector is null
            ? TradingEngine.ConnectorsFromEndpoints(settings)
            : exchange => connector(system, exchange);
        if (settings.Cluster.Enabled)
            builder.WithEngineCluster(settings, connectorsOf);
        return builder
            .AddHocon(config.WithFallback(TradingSettings.Reference), HoconAddMode.Prepend)
            .AddHocon(LedgerStorage.Config(settings.Orders), HoconAddMode.Append)
            .WithHealthCheck(EngineHealthCheck.Name, new EngineHealthCheck(), HealthStatus.Unhealthy, ["trading"], HealthCheckTimeout)
            .WithActors(new ActorStarterWithResolver(async (system, registry, resolver) =>
            {
                // The host's meter factory, where it has one, so that its metrics pipeline owns the engine's meter.
                if (resolver.GetService<IMeterFactory>() is { } meters)
                    EngineMeter.UseFactory(system, meters);
                var breakers = settings.Cluster.Enabled ? await registry.GetAsync<Keys.Breakers>() : null;
                var engine = system.ActorOf(TradingEngine.Props(settings, connectorsOf(system), streams: null, breakers), TradingEngine.Name);
                var parts = await engine.Ask<TradingEngine.Parts>(TradingEngine.GetParts.Instance, PartsTimeout);
                registry.Register<Keys.Exchanges>(parts.Exchanges);
                registry.Register<Keys.Router>(parts.Router);
                registry.Register<Keys.Alerts>(parts.Alerts);
                registry.Register<Keys.Feeds>(parts.Feeds);
                registry.Register<Keys.Orders>(parts.Orders);
            }));
    }

    /// <summary>
    /// Starts the engine with the options set by <paramref name="configure"/> (README, "Configuring it in code or from
    /// appsettings.json"). They are read by the rules HOCON is read by; a bad value fails here, naming its option
    /// (<c>Exchanges:binance:FailureThreshold</c>).
    /// </summary>
    public static AkkaConfigurationBuilder WithTradingEngine(
        this AkkaConfigurationBuilder builder, Action<TradingOptions> configure, Func<ActorSystem, string, Props?>? connector = null) =>
        builder.WithOptions(OptionsHocon.From(Configured(configure)), "", connector);

    /// <summary>
    /// Starts the engine with the options in <paramref name="configuration"/>, a section such as <c>Trading</c> of appsettings.json
    /// laid out as <see cref="TradingOptions"/>. A bad value or a key that is not an option fails here, naming its path in the
    /// configuration (<c>Trading:Exchanges:binance:FailureThreshold</c>).
    /// </summary>
    public static AkkaConfigurationBuilder WithTradingEngine(
        this AkkaConfigurationBuilder builder, IConfiguration configuration, Func<ActorSystem, string, Props?>? connector = null) =>
        builder.WithOptions(OptionsHocon.From(configuration), PathOf(configuration), connector);

    /// <summary>
    /// Starts the engine with the options in <paramref name="configuration"/>, over which those set by <paramref name="configure"/>
    /// win, option by option. The delegate sees only what it sets: the configuration is read as HOCON, not into its options.
    /// </summary>
    public static AkkaConfigurationBuilder WithTradingEngine(
        this AkkaConfigurationBuilder builder, IConfiguration configuration, Action<TradingOptions> configure,
        Func<ActorSystem, string, Props?>? connector = null) =>
        builder.WithOptions(OptionsHocon.From(Configured(configure)).WithFallback(OptionsHocon.From(configuration)), PathOf(configuration), connector);

    /// <summary>Registers <see cref="ITradingEngine"/>, the async facade over the engine started by <see cref="WithTradingEngine"/>.</summary>
    public static IServiceCollection AddTradingEngine(this IServiceCollection services) =>
        services.AddSingleton<ITradingEngine, TradingEngineFacade>();

    private static TradingOptions Configured(Action<TradingOptions> configure)
    {
        var options = new TradingOptions();
        configure(options);
        return options;
    }

    private static string PathOf(IConfiguration configuration) => configuration is IConfigurationSection section ? section.Path : "";

    // The options are checked as the HOCON they stand for; their errors are told in the options' names, under root.
    private static AkkaConfigurationBuilder WithOptions(
        this AkkaConfigurationBuilder builder, Config trading, string root, Func<ActorSystem, string, Props?>? connector)
    {
        try
        {
            return builder.WithTradingEngine(trading, connector);
        }
        catch (SettingsException error)
        {
            throw OptionNames.Translated(error, root);
        }
    }
}
