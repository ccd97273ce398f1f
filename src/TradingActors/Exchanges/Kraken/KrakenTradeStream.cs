using System.Text.Json;
using TradingActors.MarketData;

namespace TradingActors.Exchanges.Kraken;

/// <summary>
/// Kraken's WebSocket v2 trade channel: one subscribe for the symbols, under their BASE/QUOTE names; a trade
/// message is the <c>trade</c> channel with a <c>data</c> list, prices and quantities as JSON numbers and times as
/// RFC 3339 text; each symbol answers the subscription on its own. The heartbeat and status channels and pongs
/// carry nothing for a feed, but show that the socket lives. Kraken numbers each pair's trades one after another.
/// </summary>
internal sealed class KrakenTradeStream(IReadOnlyList<string> symbols) : TradeStreamProtocol
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

    public override Frame? Read(ReadOnlySpan<byte> utf8, List<Trade> trades)
    {
        var read = trades.Count;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                EnsureEnd(ref reader);
                return new Unreadable("not a JSON object");
            }
            string? channel = null, method = null, error = null;
            bool? success = null;
            Unreadable? problem = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8))
                    channel = NextString(ref reader);
                else if (reader.ValueTextEquals("method"u8))
                    method = NextString(ref reader);
                else if (reader.ValueTextEquals("error"u8))
                    error = NextString(ref reader);
                else if (reader.ValueTextEquals("success"u8))
                    success = NextBoolean(ref reader);
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    problem ??= ReadTradeList(ref reader, trades, amountsAreNumbers: true, "symbol, trade_id, price, qty and timestamp");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            EnsureEnd(ref reader);
            if (channel == "trade")
                return problem is not null || trades.Count == read
                    ? Unread(trades, read, problem ?? new Unreadable("a trade message without trades"))
                    : null;
            return Unread(trades, read, (channel, method, success) switch
            {
                ("heartbeat" or "status", _, _) => Notice.Instance,
                (null, "pong", _) => Notice.Instance,
                (null, not null, true) => new Answer(null),
                (null, not null, false) => new Answer(error ?? $"{method} refused"),
                (not null, _, _) => new Unreadable($"a message of channel '{channel}', not a trade"),
                _ => new Unreadable("neither a trade message nor an answer"),
            });
        }
        catch (Exception error) when (IsUnreadable(error))
        {
            return Unread(trades, read, new Unreadable(error.Message));
        }
    }

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
