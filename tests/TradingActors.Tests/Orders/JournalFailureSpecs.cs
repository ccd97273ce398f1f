using System.Collections.Immutable;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.TestKit;
using TradingActors.Exchanges;
using TradingActors.Orders;
using TradingActors.TestKit;

namespace TradingActors.Tests.Orders;

/// <summary>A journal write that fails is no reason for the ledger to fall silent: it answers, recovers, and goes on.</summary>
public sealed class JournalFailureSpecs(ITestOutputHelper output)
    : TradingEngineTestKit(output, $"breakable-journal.class = \"{typeof(BreakableJournal).AssemblyQualifiedName}\"")
{
    [Fact]
    public void After_a_failed_journal_write_the_ledger_answers_the_order_it_could_not_record_and_takes_the_next()
    {
        var binance = CreateTestProbe();
        var engine = StartEngine("""trading.orders.journal = "breakable-journal" """, name => name == "binance" ? Exchange(binance) : null);
        BreakableJournal.Broken = true;

        engine.Orders.Tell(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, "unrecorded-1"), TestActor);

        Assert.Equal(ExecutionOutcome.NotExecuted, ExpectMsg<ExchangeFailed>().Outcome);
        binance.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        BreakableJournal.Broken = false;
        engine.Orders.Tell(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, "recorded-2"), TestActor);
        // Its keeper starts the ledger again after a pause on the scheduler's clock, holding the order meanwhile.
        AwaitAssert(() =>
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal("recorded-2", binance.ExpectMsg<PlaceOrder>(TimeSpan.FromMilliseconds(100)).ClientOrderId);
        });
    }

    /// <summary>The in-memory journal, whose writes fail while <see cref="Broken"/> is set, as a full disk's would.</summary>
    public sealed class BreakableJournal : MemoryJournal
    {
        public static volatile bool Broken;

        protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellation) =>
            Broken
                ? Task.FromException<IImmutableList<Exception>>(new IOException("the disk is full"))
                : base.WriteMessagesAsync(messages, cancellation);
    }
}
