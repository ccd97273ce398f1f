using Akka.Actor;
using Akka.Configuration;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Registry;

namespace TradingActors.Tests.Registry;

/// <summary>The registry says where an exchange's requests may go without passing through it.</summary>
public sealed class ResolveSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private IActorRef Registry() => Sys.ActorOf(ExchangeRegistry.Props(
        TradingSettings.From(ConfigurationFactory.ParseString("trading.exchanges.binance {}")),
        exchange => exchange == "binance" ? ExchangeConnector.Props(new SimulatedExchangeClient(Sys.Scheduler).WithPrice("BTCUSDT", 42_000)) : null));

    private ExchangeRegistry.Resolved Resolve(IActorRef registry, string exchange)
    {
        registry.Tell(new ExchangeRegistry.Resolve(exchange), TestActor);
        return ExpectMsg<ExchangeRegistry.Resolved>();
    }

    [Fact]
    public void An_exchange_resolves_to_its_breaker_which_answers_its_requests()
    {
        var registry = Registry();

        var resolved = Resolve(registry, "binance");

        Assert.NotEqual(registry, resolved.Target);
        Assert.Equal(42_000, Ask<PriceQuoted>(resolved.Target, Price("binance")).Price);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData(" ")]
    public void An_exchange_the_engine_cannot_reach_resolves_to_the_registry_itself(string exchange)
    {
        var registry = Registry();

        Assert.Equal(registry, Resolve(registry, exchange).Target);
    }
}
