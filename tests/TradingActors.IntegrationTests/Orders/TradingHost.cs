using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Hosting;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>A generic host with the engine in it, wired the way a trading host wires it.</summary>
internal static class TradingHost
{
    /// <param name="beforeEngine">Runs in the actor system just before the engine starts, so that a spec can watch its first events.</param>
    public static IHost Build(string hocon, Action<ActorSystem>? beforeEngine = null) =>
        Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", akka =>
                {
                    if (beforeEngine is not null)
                        akka.WithActors((system, _) => beforeEngine(system));
                    akka.WithTradingEngine(ConfigurationFactory.ParseString(hocon));
                });
                services.AddTradingEngine();
            })
            .Build();
}
