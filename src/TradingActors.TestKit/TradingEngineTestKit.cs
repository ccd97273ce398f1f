using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Xunit;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Hosting;
using TradingActors.MarketData;

namespace TradingActors.TestKit;

/// <summary>
/// A TestKit for testing code that trades through the engine. Time is virtual: the scheduler moves
/// only when the test calls <see cref="Clock"/>.Advance, so open timeouts, call timeouts and retries
/// fire exactly when the test says, with no real waiting. Exchanges are stand-ins: a
/// <see cref="SimulatedExchangeClient"/> with a fault script, or a <see cref="TestProbe"/> that
/// receives each request and answers it with <c>Reply</c>. The actor system has the engine's serializer
/// bindings, as a host's has, so a test can send a message through serialization as another node would.
/// </summary>
public abstract class TradingEngineTestKit(ITestOutputHelper? output = null, string? config = null)
    : Akka.TestKit.Xunit.TestKit(
        ConfigurationFactory.ParseString(config ?? "").WithFallback(VirtualTime).WithFallback(TradingSettings.Reference), output: output)
{
    // An expected message that is late in real time is a loaded machine, not a wrong engine: the engine's own
    // timeouts run on the virtual clock, so a longer real-time bound changes no behaviour, only patience.
    private static readonly Config VirtualTime = ConfigurationFactory.ParseString("""
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.test.single-expect-default = 10s
        akka.loglevel = INFO
        """);

    /// <summary>The actor system's scheduler, on virtual time.</summary>
    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    // The order ledger journals in memory, kept for the life of the kit's actor system: a host's tests need no database file.
    private static readonly Config InMemoryLedger = ConfigurationFactory.ParseString("""
        trading.orders {
          journal = "akka.persistence.journal.inmem"
          snapshot-store = "akka.persistence.snapshot-store.inmem"
        }
        """);

    /// <summary>
    /// Starts the engine (registry, router, alerts, feeds, order ledger) with <paramref name="hocon"/> over the engine's defaults
    /// (the order ledger journaling in memory unless <paramref name="hocon"/> says otherwise),
    /// each exchange played by the stand-in <paramref name="exchanges"/> gives for its name, and the feeds' sockets
    /// opened by <paramref name="streams"/> (real WebSockets when none is given).
    /// </summary>
    protected TradingEngine.Parts StartEngine(string hocon, Func<string, Props?> exchanges, IMarketStreamClient? streams = null)
    {
        var settings = TradingSettings.From(ConfigurationFactory.ParseString(hocon).WithFallback(InMemoryLedger));
        var engine = Sys.ActorOf(TradingEngine.Props(settings, exchanges, streams));
        engine.Tell(TradingEngine.GetParts.Instance, TestActor);
        return ExpectMsg<TradingEngine.Parts>();
    }

    /// <summary>An in-memory exchange on this kit's virtual clock; script it with <c>WithPrice</c> and <c>WithFault</c>.</summary>
    protected SimulatedExchangeClient ScriptedExchange() => new(Sys.Scheduler);

    /// <summary>Props of an exchange actor over <paramref name="client"/>.</summary>
    protected static Props Exchange(IExchangeClient client) => ExchangeConnector.Props(client);

    /// <summary>
    /// Props of an exchange actor that hands every request to <paramref name="probe"/>; the probe's Reply goes
    /// back to the breaker, which finds the call by the request's id: answer with the request received, a copy
    /// of it, or one that went through serialization.
    /// </summary>
    protected static Props Exchange(TestProbe probe) => Props.Create(() => new ForwardToProbe(probe));

    /// <summary>Makes sure <paramref name="actor"/> has handled all it was sent, so the timers it armed exist before Advance.</summary>
    protected void Settled(IActorRef actor)
    {
        actor.Tell(new Identify(null), TestActor);
        ExpectMsg<ActorIdentity>();
    }
}
