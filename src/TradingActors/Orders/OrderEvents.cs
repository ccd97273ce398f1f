using TradingActors.Exchanges;

namespace TradingActors.Orders;

/// <summary>
/// What the ledger journals about an order, in the order it learns it. Replaying them rebuilds every
/// order's <see cref="OrderRecord"/>; they are the ledger's truth, so each one is a value with the
/// order's client order id.
/// </summary>
public interface IOrderEvent
{
    string ClientOrderId { get; }
    DateTimeOffset At { get; }
}

/// <summary>Journaled before the order goes on the wire: it may be at any of <paramref name="Candidates"/> from now on.</summary>
/// <param name="Candidates">Its exchange, then the fallbacks the router may move it to while it provably did not execute.</param>
public sealed record OrderSent(PlaceOrder Order, IReadOnlyList<string> Candidates, DateTimeOffset At) : IOrderEvent
{
    public string ClientOrderId => Order.ClientOrderId;
}

/// <summary>An exchange said where the order stands: in its reply, or in answer to a query.</summary>
public sealed record OrderReported(string ClientOrderId, string Exchange, OrderReport Report, DateTimeOffset At) : IOrderEvent;

/// <summary>Nothing executed anywhere (circuit open, bulkhead full, refused before sending): it may be sent again under its id.</summary>
public sealed record OrderNotExecuted(string ClientOrderId, string Reason, DateTimeOffset At) : IOrderEvent;

/// <summary>One trade of the order, recorded once by its trade id whichever way it came (the stream, a reply, a query).</summary>
public sealed record OrderFilled(string ClientOrderId, string Exchange, Trade Trade, DateTimeOffset At) : IOrderEvent;

/// <summary>The exchange refused the order and nothing executed; final.</summary>
public sealed record OrderRefused(string ClientOrderId, string Exchange, RejectionReason Reason, string Detail, DateTimeOffset At) : IOrderEvent;

/// <summary>
/// The order may have executed (a timeout, a 5xx, a reset, a stop mid-flight); reconciliation finds out. Also
/// published on the EventStream.
/// </summary>
/// <param name="Exchange">Where it was sent; null when the engine stopped before it knew which candidate took it.</param>
public sealed record OrderOutcomeLost(string ClientOrderId, string? Exchange, string Detail, DateTimeOffset At) : IOrderEvent;

/// <summary>The exchange answered a query with "unknown order" after the grace time.</summary>
public sealed record OrderUnknownToExchange(string ClientOrderId, string Exchange, DateTimeOffset At) : IOrderEvent;

/// <summary>
/// Reconciliation could not settle the order: an operator decides, the engine never guesses. Also
/// published on the EventStream.
/// </summary>
public sealed record OrderNeedsAttention(string ClientOrderId, string Reason, DateTimeOffset At) : IOrderEvent;
