using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql.Config;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Configuration;
using TradingActors.Orders;

namespace TradingActors.Hosting;

/// <summary>
/// Wires the engine into a host's actor system:
/// <code>
/// services.AddAkka("trading", akka => akka.WithTradingEngine(config));
/// services.AddTradingEngine(); // ITradingEngine, for code that is not an actor
/// </code>
/// </summary>
public static class TradingEngineHosting
{
    /// <summary>Actor registry keys of the engine's parts.</summary>
    public static class Keys
    {
        public sealed class Exchanges;
        public sealed class Router;
        public sealed class Alerts;
        public sealed class Feeds;
        public sealed class Orders;
    }

    /// <summary>
    /// Starts the engine at <c>/user/trading</c> with <paramref name="config"/> (its <c>trading</c> section over
    /// the engine's reference configuration) and registers its parts in the <see cref="ActorRegistry"/>.
    /// A bad configuration value fails here, before the host starts, naming its HOCON path.
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
        return builder
            .AddHocon(config.WithFallback(TradingSettings.Reference), HoconAddMode.Prepend)
            .AddHocon(LedgerStorage.Config(settings.Orders), HoconAddMode.Append)
            .WithActors((system, registry) =>
            {
                var connectors = connector is null
                    ? TradingEngine.ConnectorsFromEndpoints(settings)
                    : exchange => connector(system, exchange);
                var engine = system.ActorOf(TradingEngine.Props(settings, connectors), TradingEngine.Name);
                var parts = engine.Ask<TradingEngine.Parts>(TradingEngine.GetParts.Instance, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
                registry.Register<Keys.Exchanges>(parts.Exchanges);
                registry.Register<Keys.Router>(parts.Router);
                registry.Register<Keys.Alerts>(parts.Alerts);
                registry.Register<Keys.Feeds>(parts.Feeds);
                registry.Register<Keys.Orders>(parts.Orders);
            });
    }

    /// <summary>Registers <see cref="ITradingEngine"/>, the async facade over the engine started by <see cref="WithTradingEngine"/>.</summary>
    public static IServiceCollection AddTradingEngine(this IServiceCollection services) =>
        services.AddSingleton<ITradingEngine, TradingEngineFacade>();
}
