using TradingActors.Exchanges;

namespace TradingActors.Orders;

/// <summary>Where an order stands in the ledger.</summary>
public enum OrderLife
{
    /// <summary>Journaled and on its way; no answer yet.</summary>
    Sent,

    /// <summary>The exchange has it, open (new or partially filled).</summary>
    Open,

    Filled,
    Cancelled,

    /// <summary>The exchange refused it; nothing executed.</summary>
    Rejected,

    Expired,

    /// <summary>It may have executed: reconciliation is asking its exchange.</summary>
    Unknown,

    /// <summary>Reconciliation could not settle it; an operator decides.</summary>
    NeedsAttention,

    /// <summary>Provably not executed anywhere: it may be sent again under the same id.</summary>
    NotExecuted,
}

/// <summary>One order's life, as the ledger's events have built it.</summary>
/// <param name="Exchange">The exchange that has (or may have) it; null while any candidate may.</param>
/// <param name="Report">The exchange's latest word on it.</param>
/// <param name="UnknownAnswers">Queries answered "unknown order" after the grace time.</param>
/// <param name="Trades">Its trades, each once by trade id, as the exchange's user data stream reported them.</param>
public sealed record OrderRecord(
    PlaceOrder Order,
    IReadOnlyList<string> Candidates,
    OrderLife Life,
    string? Exchange,
    OrderReport? Report,
    string Detail,
    DateTimeOffset SentAt,
    DateTimeOffset UpdatedAt,
    int UnknownAnswers,
    IReadOnlyList<Trade> Trades)
{
    public string ClientOrderId => Order.ClientOrderId;

    /// <summary>The exchange it is counted and asked at: its own once known, else its first candidate.</summary>
    public string Venue => Exchange ?? Candidates[0];

    public bool IsFinal => Life is OrderLife.Filled or OrderLife.Cancelled or OrderLife.Rejected or OrderLife.Expired;

    /// <summary>Whether the ledger still has to learn how it ends: it may have executed, or is open at its exchange.</summary>
    public bool IsPending => Life is OrderLife.Sent or OrderLife.Open or OrderLife.Unknown;

    /// <summary>Whether it is pending or waits on an operator: what the ledger's figures count per exchange.</summary>
    public bool IsUnsettled => IsPending || Life == OrderLife.NeedsAttention;

    /// <summary>Whether nothing of it executed anywhere, so that its id may be sent again.</summary>
    public bool MaySendAgain => Life is OrderLife.NotExecuted or OrderLife.Rejected;

    public static OrderRecord From(OrderSent sent) =>
        new(sent.Order, sent.Candidates, OrderLife.Sent, null, null, "sent", sent.At, sent.At, 0, []);

    public bool HasTrade(long tradeId) => Trades.Any(trade => trade.TradeId == tradeId);

    /// <summary>
    /// The record after <paramref name="happened"/>. An order that ended keeps its state; its trades still
    /// come in (a fill's report can overtake the trade that made it).
    /// </summary>
    public OrderRecord Apply(IOrderEvent happened) => happened switch
    {
        OrderFilled filled when !HasTrade(filled.Trade.TradeId) => this with { Trades = [.. Trades, filled.Trade], UpdatedAt = filled.At },
        _ when IsFinal => this,
        OrderReported reported => this with
        {
            Life = LifeOf(reported.Report.State),
            Exchange = reported.Exchange,
            Report = reported.Report,
            Detail = $"{reported.Exchange} reports it {reported.Report.State}",
            UpdatedAt = reported.At,
        },
        OrderNotExecuted notExecuted => this with { Life = OrderLife.NotExecuted, Detail = notExecuted.Reason, UpdatedAt = notExecuted.At },
        OrderRefused refused => this with
        {
            Life = OrderLife.Rejected, Exchange = refused.Exchange, Detail = $"{refused.Reason}: {refused.Detail}", UpdatedAt = refused.At,
        },
        OrderOutcomeLost lost => this with
        {
            Life = OrderLife.Unknown, Exchange = lost.Exchange ?? Exchange, Detail = lost.Detail, UpdatedAt = lost.At,
        },
        OrderUnknownToExchange unknown => this with { UnknownAnswers = UnknownAnswers + 1, UpdatedAt = unknown.At },
        OrderNeedsAttention attention => this with { Life = OrderLife.NeedsAttention, Detail = attention.Reason, UpdatedAt = attention.At },
        _ => this,
    };

    private static OrderLife LifeOf(OrderState state) => state switch
    {
        OrderState.New or OrderState.PartiallyFilled => OrderLife.Open,
        OrderState.Filled => OrderLife.Filled,
        OrderState.Cancelled => OrderLife.Cancelled,
        OrderState.Rejected => OrderLife.Rejected,
        _ => OrderLife.Expired,
    };
}
