using Akka.Actor;
using TradingActors.Configuration;
using TradingActors.Exchanges;

namespace TradingActors.Orders;

/// <summary>
/// The order ledger, <c>/user/trading/orders</c>: the engine's durable record of every order's life and
/// the one way orders reach the exchanges. It journals an order as sent before it goes on the wire, answers
/// a client order id it already knows from the record instead of sending it again, and reconciles every
/// order whose outcome is unknown by asking its exchange, until the order is final or needs an operator.
/// It takes <see cref="PlaceOrder"/>, <see cref="CancelOrder"/> and <see cref="GetOrderStatus"/> like an
/// exchange does, plus the messages below.
/// </summary>
public static class OrderLedger
{
    public const string Name = "orders";

    /// <summary>The ledger's one persistence id: all orders live in one journal stream.</summary>
    public const string PersistenceId = "trading-orders";

    /// <param name="settings">The ledger's own settings (<c>trading.orders</c>), and of the engine's: the fallbacks the router
    /// may move an order to (so the journal names every candidate), the exchanges with an account (whose open orders
    /// it lists at start) and the symbols each trades.</param>
    /// <param name="router">Where orders go (the fallback router); it moves an order on only while it provably did not execute.</param>
    /// <param name="exchanges">Where cancels and reconciliation queries go (the registry): they stay with the order's exchange.</param>
    /// <returns>The ledger under its keeper, which starts it again from its journal if a journal write fails.</returns>
    public static Props Props(TradingSettings settings, IActorRef router, IActorRef exchanges) =>
        Akka.Actor.Props.Create(() => new LedgerKeeperActor(
            Akka.Actor.Props.Create(() => new OrderLedgerActor(settings, router, exchanges)), settings.Orders));

    /// <summary>Answered with <see cref="OrderSettled"/> once the order is final (at once if it is), or <see cref="NotFound"/>.</summary>
    public sealed record WaitForFinal(string ClientOrderId);

    /// <summary>Answered with the order's <see cref="Order"/> record.</summary>
    public sealed record GetOrder(string ClientOrderId);

    /// <param name="Record">Null when the ledger holds no order with that id in full.</param>
    public sealed record Order(string ClientOrderId, OrderRecord? Record);

    public sealed record NotFound(string ClientOrderId);

    /// <summary>
    /// An exchange's user data stream says where one of its orders stands now, and which trade moved it, if
    /// one did. Merged with the order's replies and the ledger's queries into one record: a fill is recorded
    /// once, by its trade id, whichever way it came. An order the ledger does not know is counted as external.
    /// </summary>
    public sealed record ExecutionReported(string Exchange, OrderReport Report, Trade? Trade, DateTimeOffset At);

    /// <summary>
    /// An exchange's user data stream is back after a drop, a stall or a first connection: whatever it may
    /// have missed meanwhile is asked for, order by order.
    /// </summary>
    public sealed record StreamResumed(string Exchange);

    /// <summary>Answered with the ledger's <see cref="Status"/>.</summary>
    public sealed record GetStatus
    {
        public static readonly GetStatus Instance = new();
    }

    /// <summary>The orders the ledger holds, per exchange.</summary>
    public sealed record Status(IReadOnlyList<ExchangeOrders> Exchanges);

    /// <param name="InFlight">Sent, no answer yet.</param>
    /// <param name="Open">Resting at the exchange.</param>
    /// <param name="Unknown">Outcome unknown, being reconciled.</param>
    /// <param name="NeedsAttention">Reconciliation could not settle them.</param>
    /// <param name="Reconciled">Unknown outcomes settled (found at the exchange, or proved never placed), since the ledger started.</param>
    /// <param name="External">Orders the exchange reported that the ledger never sent, since the ledger started: left alone, and counted here.</param>
    public sealed record ExchangeOrders(string Exchange, int InFlight, int Open, int Unknown, int NeedsAttention, long Reconciled, long External);
}

/// <summary>One trade of an order at its exchange: <paramref name="Quantity"/> at <paramref name="Price"/>.</summary>
public sealed record Trade(long TradeId, decimal Quantity, decimal Price);

/// <summary>Published on the EventStream, and sent to whoever waits on it, when an order reaches its final state.</summary>
public sealed record OrderSettled(string ClientOrderId, string? Exchange, OrderLife Life, OrderReport? Report, string Detail, DateTimeOffset At);

/// <summary>Published on the EventStream when an exchange tells where an order whose outcome was unknown stands: open, or final.</summary>
/// <param name="Detail">How it was settled, such as "binance reports it Filled", or why it counts as never placed.</param>
public sealed record OrderReconciled(string ClientOrderId, string Exchange, OrderLife Life, string Detail, DateTimeOffset At);

/// <summary>
/// Published on the EventStream when an exchange reports an order the ledger never sent (at start-up, when the
/// ledger lists the open orders of every exchange with an account, or on its user data stream): it is left alone.
/// </summary>
public sealed record ExternalOrderFound(string Exchange, OrderReport Report, DateTimeOffset At);

/// <summary>
/// The order's outcome is not known: it may have executed. It is not sent again and not moved to another
/// exchange; the ledger is reconciling it and publishes <see cref="OrderSettled"/> once it knows.
/// </summary>
/// <param name="Failure">The exchange's failure that left it unknown; null when the ledger already held it as unknown or in flight.</param>
public sealed record OrderOutcomeUnknown(PlaceOrder Order, string Detail, ExchangeFailed? Failure) : ExchangeReply(Order);

/// <summary>
/// Not sent: the ledger is still reconciling this exchange's orders from before the engine started, and
/// takes new ones for it once those are known, or after <c>startup-timeout</c>. Nothing executed.
/// </summary>
public sealed record OrdersReconciling(PlaceOrder Order, TimeSpan RetryAfter) : ExchangeReply(Order);
