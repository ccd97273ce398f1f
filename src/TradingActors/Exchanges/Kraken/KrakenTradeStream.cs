using System.Text.Json;
using TradingActors.MarketData;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// Kraken's WebSocket v2 trade channel: one subscribe for the symbols, under their BASE/QUOTE names; a trade
/// message is the <c>trade</c> channel with a <c>data</c> list, prices and quantities as JSON numbers and times as
/// RFC 3339 text; each symbol answers the subscription on its own. The heartbeat and status channels and pongs
/// carry nothing for a feed, but show that the socket lives. Kraken numbers each pair's trades one after another.
/// </summary>
internal sealed class KrakenTradeStream(IReadOnlyList<string> symbols) : ListedTradeStream(amountsAreNumbers: true)
{
    private readonly KnownSymbols _symbols =
        new(symbols.Select(symbol => (KrakenPairs.WebSocketNameOf(symbol), symbol)), KrakenPairs.SymbolOfWebSocketName);

    public override IReadOnlyList<string> Subscription { get; } =
    [
        JsonSerializer.Serialize(new
        {
            method = "subscribe",
            @params = new { channel = "trade", symbol = symbols.Select(KrakenPairs.WebSocketNameOf), snapshot = false },
            req_id = 1,
        }),
    ];

    protected override (string Kind, string Op, string Refusal) Names => ("channel", "method", "error");

    protected override string RequiredTradeFields => "symbol, trade_id, price, qty and timestamp";

    protected override Frame? Classify(in Message message) => (message.Kind, message.Op, message.Success) switch
    {
        ("trade", _, _) => message.Trades(),
        ("heartbeat" or "status", _, _) => Notice.Instance,
        ({ } channel, _, _) => new Unreadable($"a message of channel '{channel}', not a trade"),
        (null, "pong", _) => Notice.Instance,
        (null, not null, true) => new Answer(null),
        (null, { } method, false) => new Answer(message.Refusal ?? $"{method} refused"),
        _ => new Unreadable("neither a trade message nor an answer"),
    };

    protected override void ReadTradeField(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref TradeFields trade)
    {
        if (name.SequenceEqual("symbol"u8))
            trade.Symbol(ref reader, _symbols, "symbol");
        else if (name.SequenceEqual("trade_id"u8))
            trade.Id(ref reader, "trade_id");
        else if (name.SequenceEqual("price"u8))
            trade.Price(ref reader, "price");
        else if (name.SequenceEqual("qty"u8))
            trade.Quantity(ref reader, "qty");
        else if (name.SequenceEqual("timestamp"u8))
            trade.Timestamp(ref reader, "timestamp");
        else
            reader.Skip();
    }
}
