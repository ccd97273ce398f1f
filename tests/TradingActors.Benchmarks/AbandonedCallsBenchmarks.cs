using Akka.Actor;
using BenchmarkDotNet.Attributes;
using TradingActors.Benchmarks.Actors;
using TradingActors.Benchmarks.Clients;
using TradingActors.Exchanges;

namespace TradingActors.Benchmarks;

/// <summary>
/// 10,000 calls to a hung exchange, all answered at their call timeout: what each abandoned call still
/// holds once answered (the Retained/item column), with a client that honours the cancellation token the
/// breaker fires and with one that ignores it, and the time to answer them all. The clock is virtual.
/// </summary>
[InvocationCount(1)]
public class AbandonedCallsBenchmarks
{
    private const int Calls = 10_000;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private ActorSystem? _system;
    private IActorRef _registry = ActorRefs.Nobody;
    private StuckExchange _exchange = new(honoursCancellation: true);
    private Task _answered = Task.CompletedTask;

    [GlobalSetup(Target = nameof(TimeOutCancelledCalls))]
    public void MeasureCancelled() => Measure(honoursCancellation: true, nameof(TimeOutCancelledCalls));

    [GlobalSetup(Target = nameof(TimeOutIgnoredCancellation))]
    public void MeasureIgnored() => Measure(honoursCancellation: false, nameof(TimeOutIgnoredCancellation));

    [GlobalCleanup]
    public void Stop() => BenchmarkSystem.Stop(_system);

    [IterationSetup]
    public void Outstanding() => Run(AllOutstanding());

    [IterationCleanup]
    public void Release() => _exchange.Release();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task TimeOutCancelledCalls() => TimeOutAll();

    [Benchmark(OperationsPerInvoke = Calls)]
    public Task TimeOutIgnoredCancellation() => TimeOutAll();

    private void Measure(bool honoursCancellation, string benchmark)
    {
        _system = BenchmarkSystem.StartOnVirtualTime("abandoned-calls");
        _exchange = new StuckExchange(honoursCancellation);
        _registry = Engine.Registry(_system, _exchange,
            // Metrics-only: 10,000 timeouts in every iteration must not open the breaker.
            $"trading.breaker-defaults {{ call-timeout = {CallTimeout.TotalSeconds}s, metrics-only = on }}\n{Engine.WideBulkhead}");
        // A first round grows the engine's tables to 10,000 calls (they keep their capacity); the second is measured.
        AbandonAll(honoursCancellation, lateRepliesBefore: 0);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        AbandonAll(honoursCancellation, lateRepliesBefore: Calls);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        RetainedColumn.Record(typeof(AbandonedCallsBenchmarks), benchmark, (after - before) / Calls);
        _exchange.Release();
    }

    private void AbandonAll(bool honoursCancellation, int lateRepliesBefore)
    {
        Run(AllOutstanding());
        Run(TimeOutAll());
        Run(ConnectorSettled());
        if (honoursCancellation)
            Run(LateRepliesIn(lateRepliesBefore + Calls));
    }

    private async Task AllOutstanding()
    {
        var caller = Caller.Start<ExchangeFailed>(_system!, _registry);
        _answered = caller.Run(Calls, inFlight: Calls);
        while ((await Engine.Status(_registry)).InFlight < Calls)
            await Task.Delay(1);
        await ConnectorSettled();
    }

    private Task TimeOutAll()
    {
        _system!.Clock().Advance(CallTimeout);
        return _answered;
    }

    // A cancelled call still ends with a reply, which the breaker counts as late: wait until they are all in.
    private async Task LateRepliesIn(long expected)
    {
        while ((await Engine.Status(_registry)).Metrics.LateReplies < expected)
            await Task.Delay(1);
    }

    // The connector has handled every call and every word that a call was abandoned.
    private Task ConnectorSettled() =>
        _system!.ActorSelection(_registry.Path / Engine.Exchange / "connector").Ask<ActorIdentity>(new Identify(null));

    private static void Run(Task step) => step.GetAwaiter().GetResult();
}
