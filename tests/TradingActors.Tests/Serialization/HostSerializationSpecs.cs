using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Exchanges;
using TradingActors.Hosting;
using TradingActors.Serialization;

namespace TradingActors.Tests.Serialization;

/// <summary>A host that embeds the engine gets its serializer bindings with it, from the engine's reference configuration.</summary>
public sealed class HostSerializationSpecs
{
    [Fact]
    public async Task A_host_started_with_the_engine_serializes_its_messages_with_the_trading_serializer()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureServices(services => services.AddAkka("trading-host", akka =>
                akka.WithTradingEngine(ConfigurationFactory.ParseString($$"""
                    akka.loglevel = WARNING
                    trading.orders.sqlite-file = "{{Path.Combine(Path.GetTempPath(), $"trading-host-{Guid.NewGuid():N}", "orders.db")}}"
                    """), (_, _) => null)))
            .Build();
        await host.StartAsync();

        var serialization = host.Services.GetRequiredService<ActorSystem>().Serialization;

        Assert.IsType<TradingSerializer>(serialization.FindSerializerForType(typeof(PlaceOrder)));
        await host.StopAsync();
    }
}
