using Akka.Actor;
using Akka.TestKit;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Registry;

namespace TradingActors.Tests.Registry;

/// <summary>How the registry gathers the summaries of all its breakers for one snapshot.</summary>
public sealed class StatusCollectorSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static CircuitBreaker.Summary SummaryOf(string exchange) =>
        new(exchange, BreakerState.Closed, 0, 0, 0, null, 1, 0, 0, 0);

    /// <summary>A stand-in breaker: takes the request for its summary and, when told to, answers it.</summary>
    private static void Answer(TestProbe breaker, string exchange)
    {
        Assert.Equal(exchange, breaker.ExpectMsg<CircuitBreaker.GetSummary>().Exchange);
        breaker.Reply(SummaryOf(exchange));
    }

    [Fact]
    public void Summaries_come_in_exchange_name_order_whatever_order_the_breakers_answer_in()
    {
        var (kraken, binance, bybit) = (CreateTestProbe(), CreateTestProbe(), CreateTestProbe());
        var roster = StatusCollector.Roster.Of([("kraken", kraken.Ref), ("binance", binance.Ref), ("bybit", bybit.Ref)]);

        Sys.ActorOf(StatusCollector.Props(roster, TestActor));
        Answer(kraken, "kraken");
        Answer(bybit, "bybit");
        Answer(binance, "binance");

        Assert.Equal(["binance", "bybit", "kraken"], ExpectMsg<ExchangeRegistry.Statuses>().Exchanges.Select(s => s.Exchange));
    }

    [Fact]
    public void A_breaker_that_does_not_answer_within_five_seconds_is_left_out_and_the_others_are_the_answer()
    {
        var (binance, silent) = (CreateTestProbe(), CreateTestProbe());
        var collector = Sys.ActorOf(StatusCollector.Props(StatusCollector.Roster.Of([("binance", binance.Ref), ("bybit", silent.Ref)]), TestActor));
        Settled(collector);
        Answer(binance, "binance");
        silent.ExpectMsg<CircuitBreaker.GetSummary>();

        Clock.Advance(TimeSpan.FromSeconds(4.9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(["binance"], ExpectMsg<ExchangeRegistry.Statuses>().Exchanges.Select(s => s.Exchange));
    }

    [Fact]
    public void A_registry_without_exchanges_answers_with_no_summaries_at_once()
    {
        Sys.ActorOf(StatusCollector.Props(StatusCollector.Roster.Of([]), TestActor));

        Assert.Empty(ExpectMsg<ExchangeRegistry.Statuses>().Exchanges);
    }

    [Fact]
    public void A_breaker_answers_with_its_summary_as_it_answers_with_its_status()
    {
        var breaker = BreakerOver(NewExchange(), BreakerSettings.Defaults);
        Ask<PriceQuoted>(breaker, Price());

        breaker.Tell(new CircuitBreaker.GetSummary("binance"), TestActor);
        var summary = ExpectMsg<CircuitBreaker.Summary>();
        var status = StatusOf(breaker);

        Assert.Equal(
            (status.Exchange, status.State, status.InFlight, status.Queued, status.Openings, status.OpenUntil, status.Metrics.Successful,
                status.Metrics.Failed, status.Metrics.Rejected, status.Metrics.BulkheadFull, status.Node),
            (summary.Exchange, summary.State, summary.InFlight, summary.Queued, summary.Openings, summary.OpenUntil, summary.Successful,
                summary.Failed, summary.Rejected, summary.BulkheadFull, summary.Node));
        Assert.Equal(1, summary.Successful);
    }
}
