using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>Homework 1: at most N calls in flight per exchange, a bounded queue, and "bulkhead full" beyond it.</summary>
public sealed class BulkheadSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with
    {
        MaxConcurrentCalls = 2, MaxQueuedCalls = 0, FailureThreshold = 1, CallTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void On_the_defaults_a_host_with_64_requests_in_flight_to_a_healthy_exchange_gets_no_refusal()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults);
        var requests = Enumerable.Range(0, 64).Select(_ => Price()).ToList();

        foreach (var request in requests)
            breaker.Tell(request, TestActor);
        for (var sent = 0; sent < requests.Count; sent++)
            QuoteNext(exchange);

        var answered = ReceiveN(64).Cast<PriceQuoted>().Select(quoted => quoted.Request.Id).ToHashSet();
        Assert.True(answered.SetEquals(requests.Select(request => request.Id)));
    }

    [Fact]
    public void On_the_defaults_a_burst_beyond_the_call_slots_waits_briefly_for_one_rather_than_being_refused()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, BreakerSettings.Defaults);

        for (var request = 0; request < BreakerSettings.Defaults.MaxConcurrentCalls + 1; request++)
            breaker.Tell(Price(), TestActor);
        QuoteNext(exchange);

        ExpectMsg<PriceQuoted>();
        Assert.Equal((BreakerSettings.Defaults.MaxConcurrentCalls, 0), (StatusOf(breaker).InFlight, StatusOf(breaker).Queued));
    }

    [Fact]
    public void A_request_beyond_the_limit_is_refused_at_once_and_not_counted_as_a_failure()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);

        Ask<BulkheadFull>(breaker, Price());

        var status = StatusOf(breaker);
        Assert.Equal((BreakerState.Closed, 0L, 1L), (status.State, status.Metrics.Failed, status.Metrics.BulkheadFull));
    }

    [Fact]
    public void A_queued_request_is_sent_when_a_slot_frees()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxQueuedCalls = 1 });
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        var queued = Price() with { Symbol = "ETHUSDT" };
        breaker.Tell(queued, TestActor);
        Ask<BulkheadFull>(breaker, Price());

        QuoteNext(exchange);

        exchange.ExpectMsg<GetPrice>();
        Assert.Equal(queued, exchange.ExpectMsg<GetPrice>());
    }

    [Fact]
    public void A_request_that_waits_a_whole_call_timeout_for_a_slot_is_answered_bulkhead_full_and_was_never_sent()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxQueuedCalls = 1, FailureThreshold = 5 });
        var queued = Price() with { Symbol = "ETHUSDT" };
        breaker.Tell(Price(), TestActor);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        breaker.Tell(Price(), TestActor);
        breaker.Tell(queued, TestActor);
        Settled(breaker);

        Clock.Advance(Settings.CallTimeout);

        var waited = ExpectMsg<BulkheadFull>();
        Assert.Equal(queued.Id, waited.Request.Id);
        Assert.Contains("no free call slot", waited.Reason);
        Assert.All(new[] { ExpectMsg<ExchangeFailed>(), ExpectMsg<ExchangeFailed>() }, sent => Assert.Equal(FailureKind.Timeout, sent.Kind));
        exchange.ExpectMsg<GetPrice>();
        exchange.ExpectMsg<GetPrice>();
        exchange.ExpectNoMsg(TimeSpan.Zero);
        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal((2L, 1L), (metrics.Failed, metrics.BulkheadFull));
    }

    [Fact]
    public void Requests_waiting_in_the_queue_are_refused_as_circuit_open_when_the_breaker_opens()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings with { MaxQueuedCalls = 1 });
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price(), TestActor);
        breaker.Tell(Price() with { Symbol = "ETHUSDT" }, TestActor);

        FailNext<GetPrice>(exchange);

        Assert.Equal(2, new[] { ExpectMsg<ExchangeReply>(), ExpectMsg<ExchangeReply>() }.Count(r => r is ExchangeFailed or CircuitOpen));
    }
}
