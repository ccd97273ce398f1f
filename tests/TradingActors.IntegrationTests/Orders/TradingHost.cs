using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Hosting;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>A generic host with the engine in it, wired the way a trading host wires it.</summary>
internal static class TradingHost
{
    public static IHost Build(string hocon) =>
        Host.CreateDefaultBuilder()
            .ConfigureServices(services =>
            {
                services.AddAkka("trading-host", akka => akka.WithTradingEngine(ConfigurationFactory.ParseString(hocon)));
                services.AddTradingEngine();
            })
            .Build();
}
