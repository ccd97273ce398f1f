using System.Diagnostics;
using CsCheck;
using TradingActors.Configuration;
using TradingActors.TestKit;
using Xunit.Abstractions;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>
/// Issue 10, point 8: the breaker actor, on the TestScheduler, agrees with <see cref="BreakerModel"/> step by step
/// on random sequences under random valid settings. A disagreement is shrunk by CsCheck to a short sequence and
/// printed as a [Fact] to paste below <see cref="Replay"/>.
/// </summary>
/// <remarks>BREAKER_MODEL_SEQUENCES sets how many sequences to run (default <see cref="DefaultSequences"/>);
/// BREAKER_MODEL_SEED replays the seed CsCheck printed for a failure.</remarks>
public sealed class BreakerModelSpecs(ITestOutputHelper output) : TradingEngineTestKit(output: null, Quiet)
{
    private const int DefaultSequences = 3_000;

    // A crashing connector is logged by its supervisor at every crash, and the TestKit would copy every line to the
    // test's output (so it gets no output helper); nothing here needs the log.
    private const string Quiet = """
        akka.loglevel = OFF
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """;

    [Fact]
    public void The_breaker_agrees_with_its_model_on_random_sequences()
    {
        var sequences = int.TryParse(Environment.GetEnvironmentVariable("BREAKER_MODEL_SEQUENCES"), out var n) ? n : DefaultSequences;
        var seed = Environment.GetEnvironmentVariable("BREAKER_MODEL_SEED");
        var host = new ModelHost(Sys);
        long steps = 0;
        var clock = Stopwatch.StartNew();

        ScenarioGen.Scenarios.Sample(scenario =>
            {
                using var run = new ModelRun(host, scenario.Settings);
                try
                {
                    run.Run(scenario.Steps);
                }
                finally
                {
                    steps += run.StepsTaken;
                }
            },
            seed: string.IsNullOrEmpty(seed) ? null : seed, iter: sequences, threads: 1, print: scenario => "\n" + scenario.ToFact());

        output.WriteLine($"{sequences} sequences, {steps} steps, in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Runs one sequence through the actor and the model, and fails at the first step where they part.</summary>
    private void Replay(BreakerSettings settings, params Step[] steps)
    {
        using var run = new ModelRun(new ModelHost(Sys), settings);
        run.Run(steps);
    }
}
