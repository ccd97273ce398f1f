using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Tests.Breaker;

/// <summary>A call the exchange does not answer in time is answered "timeout" once, and its late answer is dropped.</summary>
public sealed class CallTimeoutSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static readonly BreakerSettings Settings = BreakerSettings.Defaults with { FailureThreshold = 3, CallTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public void An_unanswered_call_is_answered_timeout_exactly_at_the_call_timeout()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        exchange.ExpectMsg<GetPrice>();
        Settled(breaker);

        Clock.Advance(Settings.CallTimeout - TimeSpan.FromTicks(1));
        Assert.Equal(1, StatusOf(breaker).InFlight);
        Clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(FailureKind.Timeout, ExpectMsg<ExchangeFailed>().Kind);
        Assert.Equal(1, StatusOf(breaker).Metrics.Failed);
    }

    [Fact]
    public void A_late_answer_is_dropped_and_counted_never_delivered_twice()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        var request = exchange.ExpectMsg<GetPrice>();
        Settled(breaker);
        Clock.Advance(Settings.CallTimeout);
        ExpectMsg<ExchangeFailed>();

        exchange.Reply(new PriceQuoted(request, 42_000));

        var metrics = StatusOf(breaker).Metrics;
        Assert.Equal((1L, 0L, 1L), (metrics.LateReplies, metrics.Successful, metrics.Failed));
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void Calls_admitted_at_different_times_time_out_each_at_its_own_deadline()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var first = Price();
        var second = Price() with { Symbol = "ETHUSDT" };
        breaker.Tell(first, TestActor);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        breaker.Tell(second, TestActor);
        Settled(breaker);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first, ExpectMsg<ExchangeFailed>().Request);
        Settled(breaker);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(second, ExpectMsg<ExchangeFailed>().Request);
    }

    [Fact]
    public void A_second_request_with_the_id_of_one_in_flight_is_answered_invalid_and_never_sent()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var price = Price();

        breaker.Tell(price, TestActor);
        breaker.Tell(price with { Symbol = "ETHUSDT" }, TestActor);

        Assert.Contains("already in flight", ExpectMsg<InvalidRequest>().Reason);
        exchange.Reply(new PriceQuoted(exchange.ExpectMsg<GetPrice>(), 1));
        Assert.Equal(price, ExpectMsg<PriceQuoted>().Request);
        exchange.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void The_same_request_sent_again_after_its_answer_is_a_new_call()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var price = Price();

        breaker.Tell(price, TestActor);
        exchange.Reply(new PriceQuoted(exchange.ExpectMsg<GetPrice>(), 1));
        ExpectMsg<PriceQuoted>();
        breaker.Tell(price, TestActor);
        exchange.Reply(new PriceQuoted(exchange.ExpectMsg<GetPrice>(), 2));

        Assert.Equal(2m, ExpectMsg<PriceQuoted>().Price);
    }

    [Fact]
    public void A_reply_that_is_a_copy_of_the_request_finds_its_call_by_id()
    {
        var exchange = CreateTestProbe();
        var breaker = BreakerOver(exchange, Settings);
        var price = Price();

        breaker.Tell(price, TestActor);
        var received = exchange.ExpectMsg<GetPrice>();
        exchange.Reply(new PriceQuoted(received with { }, 42_000.5m));

        Assert.Equal(price.Id, ExpectMsg<PriceQuoted>().Request.Id);
        Assert.Equal((0, 1L), (StatusOf(breaker).InFlight, StatusOf(breaker).Metrics.Successful));
    }

    [Fact]
    public void A_call_answered_at_its_call_timeout_is_cancelled_at_the_exchange_client()
    {
        var exchange = new AnswersWhenTold();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        ExchangeSettled(breaker);

        Clock.Advance(Settings.CallTimeout);

        ExpectMsg<ExchangeFailed>();
        AwaitCondition(() => exchange.Tokens.Single().IsCancellationRequested);
    }

    [Fact]
    public void A_call_answered_in_time_is_never_cancelled()
    {
        var exchange = new AnswersWhenTold();
        var breaker = BreakerOver(exchange, Settings);
        breaker.Tell(Price(), TestActor);
        ExchangeSettled(breaker);

        exchange.Answer(42_000);
        ExpectMsg<PriceQuoted>();
        Clock.Advance(Settings.CallTimeout);

        Assert.False(exchange.Tokens.Single().IsCancellationRequested);
    }

    /// <summary>Prices that come when the test says, and the cancellation token of every call.</summary>
    private sealed class AnswersWhenTold : IExchangeClient
    {
        private readonly TaskCompletionSource<decimal> _price = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<CancellationToken> Tokens { get; } = [];

        public void Answer(decimal price) => _price.SetResult(price);

        public ValueTask<decimal> GetPriceAsync(GetPrice query, CancellationToken cancellation)
        {
            Tokens.Add(cancellation);
            return new ValueTask<decimal>(_price.Task.WaitAsync(cancellation));
        }

        public ValueTask<OrderReport> PlaceOrderAsync(PlaceOrder order, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<OrderReport> CancelOrderAsync(CancelOrder cancel, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<OrderReport> GetOrderAsync(GetOrderStatus query, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask<IReadOnlyList<OrderReport>> GetOpenOrdersAsync(GetOpenOrders query, CancellationToken cancellation) => throw new NotSupportedException();
        public ValueTask PingAsync(CancellationToken cancellation) => throw new NotSupportedException();
    }
}
