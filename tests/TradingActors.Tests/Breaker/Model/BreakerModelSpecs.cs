using System.Diagnostics;
using CsCheck;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.TestKit;
using Xunit.Abstractions;
using static TradingActors.Tests.Breaker.Model.Steps;

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
        var seen = new Dictionary<string, long>();
        long steps = 0;
        var clock = Stopwatch.StartNew();

        Scenario? smallestFailing = null;
        try
        {
            ScenarioGen.Scenarios.Sample(scenario =>
                {
                    using var run = new ModelRun(host, scenario.Settings, seen);
                    try
                    {
                        run.Run(scenario.Steps);
                    }
                    catch (ModelDisagreement) when (smallestFailing is null || scenario.Steps.Length < smallestFailing.Steps.Length)
                    {
                        smallestFailing = scenario;
                        throw;
                    }
                    finally
                    {
                        steps += run.StepsTaken;
                    }
                },
                seed: string.IsNullOrEmpty(seed) ? null : seed, iter: sequences, threads: 1, print: scenario => "\n" + scenario.ToFact());
        }
        catch (CsCheckException shrunk) when (smallestFailing is not null)
        {
            var (minimal, disagreement) = WithoutNeedlessSteps(host, smallestFailing);
            throw new ModelDisagreement(
                $"{shrunk.Message}\n\nWith every step it does not need dropped:\n\n{minimal.ToFact()}\n{disagreement.Message}");
        }

        output.WriteLine($"{sequences} sequences, {steps} steps, in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (what, count) in seen.OrderBy(s => s.Key, StringComparer.Ordinal))
            output.WriteLine($"{count,9}  {what}");
    }

    /// <summary>
    /// CsCheck shrinks by looking for smaller random cases; this then drops the steps one at a time (and in runs)
    /// for as long as the actor and the model still disagree, so that no single step can go.
    /// </summary>
    private static (Scenario, ModelDisagreement) WithoutNeedlessSteps(ModelHost host, Scenario failing)
    {
        var disagreement = Disagreement(host, failing)!;
        for (var chunk = failing.Steps.Length / 2; chunk >= 1; chunk /= 2)
            for (var at = 0; at + chunk <= failing.Steps.Length;)
            {
                var shorter = failing with { Steps = [.. failing.Steps[..at], .. failing.Steps[(at + chunk)..]] };
                if (Disagreement(host, shorter) is { } still)
                    (failing, disagreement) = (shorter, still);
                else
                    at++;
            }
        return (failing, disagreement);
    }

    private static ModelDisagreement? Disagreement(ModelHost host, Scenario scenario)
    {
        try
        {
            using var run = new ModelRun(host, scenario.Settings);
            run.Run(scenario.Steps);
            return null;
        }
        catch (ModelDisagreement disagreement)
        {
            return disagreement;
        }
    }

    /// <summary>Runs one sequence through the actor and the model, and fails at the first step where they part.</summary>
    private void Replay(BreakerSettings settings, params Step[] steps)
    {
        using var run = new ModelRun(new ModelHost(Sys), settings);
        run.Run(steps);
    }
}
