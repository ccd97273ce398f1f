using TradingActors.Exchanges;
using TradingActors.Orders;

namespace TradingActors.Tests.Orders;

/// <summary>What the ledger's book keeps of the orders that ended, and for how long.</summary>
public sealed class OrderBookSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static OrderBook WithEnded(string id, DateTimeOffset at, IOrderEvent ending)
    {
        var book = new OrderBook();
        book.Apply(new OrderSent(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, id), ["binance"], at));
        book.Apply(ending);
        return book;
    }

    private static OrderBook WithFilled(string id, DateTimeOffset at) =>
        WithEnded(id, at, new OrderReported(id, "binance",
            new OrderReport(id, "9", "BTCUSDT", OrderSide.Buy, OrderState.Filled, 0.5m, 0.5m, 42_000.01m), at));

    [Fact]
    public void A_retired_order_keeps_its_outcome_and_when_it_ended()
    {
        var book = WithFilled("ended-1", Start);

        book.Retire(endedBefore: Start.AddMinutes(1), forgetBefore: Start.AddDays(-7));

        Assert.Equal(new ClosedOrder(OrderLife.Filled, Start), book.ClosedAs("ended-1"));
    }

    [Fact]
    public void An_id_that_ended_before_its_window_is_forgotten_in_memory_and_in_the_snapshot()
    {
        var book = WithFilled("old-1", Start);

        book.Retire(endedBefore: Start.AddMinutes(1), forgetBefore: Start.AddMinutes(1));

        Assert.Null(book.ClosedAs("old-1"));
        Assert.Empty(book.Snapshot().Closed);
    }

    [Fact]
    public void An_id_from_a_snapshot_that_does_not_say_when_it_ended_is_remembered_from_the_restore()
    {
        var book = new OrderBook();

        book.Restore(new OrderLedgerSnapshot([], new Dictionary<string, ClosedOrder> { ["legacy-1"] = new(OrderLife.Filled, ClosedOrder.EndUnknown) }),
            restoredAt: Start);

        Assert.Equal(Start, book.ClosedAs("legacy-1")!.At);
    }

    [Fact]
    public void A_rejected_order_sent_again_under_its_id_is_held_in_full_and_no_longer_as_closed()
    {
        var book = WithEnded("again-1", Start, new OrderRefused("again-1", "binance", RejectionReason.InsufficientFunds, "-2010", Start));
        book.Retire(endedBefore: Start.AddMinutes(1), forgetBefore: Start.AddDays(-7));

        book.Apply(new OrderSent(new PlaceOrder("binance", "BTCUSDT", OrderSide.Buy, 0.5m, null, "again-1"), ["binance"], Start.AddMinutes(2)));

        Assert.Null(book.ClosedAs("again-1"));
        Assert.Equal(OrderLife.Sent, book.Snapshot().Orders.Single().Life);
    }
}
