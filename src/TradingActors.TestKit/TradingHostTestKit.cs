using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;
using Xunit;

namespace TradingActors.TestKit;

/// <summary>
/// A TestKit for a trading host's own tests, over the wiring the host ships (Akka.Hosting.TestKit): the test
/// configures its services and calls <c>WithTradingEngine</c> exactly as the host's Program does, and the engine
/// runs on virtual time (<see cref="Clock"/>). Exchanges are played by stand-ins declared by name before the host
/// starts, in the test's constructor: a scripted in-memory exchange (<see cref="Scripted"/>) or a probe
/// (<see cref="Probed"/>, then <see cref="Probe"/>). Pass <see cref="Exchanges"/> as <c>WithTradingEngine</c>'s
/// connectors; an exchange without a stand-in has no connector, so a test never reaches the network.
/// </summary>
public abstract class TradingHostTestKit(ITestOutputHelper? output = null) : Akka.Hosting.TestKit.TestKit(output: output)
{
    private readonly ConcurrentDictionary<string, Func<ActorSystem, Props>> _standIns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TestProbe> _probes = new(StringComparer.Ordinal);

    /// <summary>Journals the order ledger in memory, for a host's configuration to fall back on: a test writes no database file.</summary>
    protected static Config InMemoryLedger { get; } = ConfigurationFactory.ParseString("""
        trading.orders {
          journal = "akka.persistence.journal.inmem"
          snapshot-store = "akka.persistence.snapshot-store.inmem"
        }
        """);

    // The engine's timeouts run on the virtual clock; a message late in real time is a loaded machine, hence the patience.
    protected override Config Config { get; } = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.test.single-expect-default = 10s
        """);

    /// <summary>The actor system's scheduler, on virtual time: timers fire when the test advances it.</summary>
    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>The facade the host's own services use.</summary>
    protected ITradingEngine Engine => Host.Services.GetRequiredService<ITradingEngine>();

    /// <summary>The engine's fallback router, for a test that talks to it as an actor.</summary>
    protected IActorRef Router => ActorRegistry.Get<TradingEngineHosting.Keys.Router>();

    /// <summary>The registry of the exchanges' breakers.</summary>
    protected IActorRef Breakers => ActorRegistry.Get<TradingEngineHosting.Keys.Exchanges>();

    /// <summary>The order ledger.</summary>
    protected IActorRef Orders => ActorRegistry.Get<TradingEngineHosting.Keys.Orders>();

    /// <summary>The connectors for <c>WithTradingEngine</c>: each exchange's stand-in, none for an exchange without one.</summary>
    protected Func<ActorSystem, string, Props?> Exchanges => (system, exchange) => _standIns.TryGetValue(exchange, out var standIn) ? standIn(system) : null;

    /// <summary>The host's engine wiring, as its Program writes it: <c>akka.WithTradingEngine(config, Exchanges)</c>.</summary>
    protected abstract void ConfigureEngine(AkkaConfigurationBuilder akka, IServiceProvider provider);

    /// <summary>The host's services: by default only <see cref="ITradingEngine"/>; a host adds its own, as its Program does.</summary>
    protected virtual void ConfigureHostServices(IServiceCollection services)
    {
    }

    protected sealed override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) => ConfigureEngine(builder, provider);

    protected sealed override void ConfigureServices(HostBuilderContext context, IServiceCollection services)
    {
        services.AddTradingEngine();
        ConfigureHostServices(services);
    }

    /// <summary><paramref name="exchange"/> is played by an in-memory exchange on the kit's clock, scripted by <paramref name="script"/>.</summary>
    protected void Scripted(string exchange, Func<SimulatedExchangeClient, SimulatedExchangeClient> script) =>
        _standIns[exchange] = system => ExchangeConnector.Props(script(new SimulatedExchangeClient(system.Scheduler)));

    /// <summary><paramref name="exchange"/> is played by <see cref="Probe"/>: it receives each request, and its Reply answers it.</summary>
    protected void Probed(string exchange) => _standIns[exchange] = _ => Props.Create(() => new ForwardToProbe(Probe(exchange)));

    /// <summary>The probe playing <paramref name="exchange"/> (declared with <see cref="Probed"/>).</summary>
    protected TestProbe Probe(string exchange) => _probes.GetOrAdd(exchange, _ => CreateTestProbe());
}
