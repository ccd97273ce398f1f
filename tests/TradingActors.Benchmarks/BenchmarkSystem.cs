using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;

namespace TradingActors.Benchmarks;

/// <summary>
/// The actor systems the benchmarks run in: the default dispatcher, as a host has it, and logging
/// off, so that no benchmark measures a log sink.
/// </summary>
internal static class BenchmarkSystem
{
    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka {
          loglevel = OFF
          stdout-loglevel = OFF
          log-dead-letters = off
          log-dead-letters-during-shutdown = off
        }
        """);

    // Timers fire only when a benchmark advances this clock, so a call timeout is measured without waiting it out.
    private static readonly Config VirtualTime = ConfigurationFactory.ParseString(
        """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """);

    public static ActorSystem Start(string name) => ActorSystem.Create(name, Quiet);

    /// <summary>
    /// An actor system on <paramref name="config"/> (the engine's, with its persistence plugins) and <paramref name="setup"/>
    /// (the order ledger's SQLite connections), logging off.
    /// </summary>
    public static ActorSystem Start(string name, Config config, Setup setup) =>
        ActorSystem.Create(name, BootstrapSetup.Create().WithConfig(Quiet.WithFallback(config)).And(setup));

    public static ActorSystem StartOnVirtualTime(string name) => ActorSystem.Create(name, VirtualTime.WithFallback(Quiet));

    public static TestScheduler Clock(this ActorSystem system) => (TestScheduler)system.Scheduler;

    public static void Stop(ActorSystem? system) => system?.Terminate().Wait();
}
