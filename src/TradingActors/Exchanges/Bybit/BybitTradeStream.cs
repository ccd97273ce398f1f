using System.Text.Json;
using TradingActors.MarketData;

namespace TradingActors.Exchanges.Bybit;

/// <summary>
/// Bybit v5's public spot stream: <c>op</c> subscribe to <c>publicTrade.&lt;symbol&gt;</c> topics, at most ten to
/// a request; a trade message is a topic with a <c>data</c> list of trades; an answer names its <c>op</c> and says
/// <c>success</c>. Bybit closes a socket that sends nothing, so the feed pings it every 20 seconds. A spot trade's
/// id is decimal digits, counted across all of the exchange's symbols: a jump in one symbol's ids is other
/// symbols' trades, not trades lost.
/// </summary>
internal sealed class BybitTradeStream(IReadOnlyList<string> symbols) : TradeStreamProtocol
{
    // Bybit's limit on the topics of one spot subscription request.
    private const int TopicsPerRequest = 10;

    private readonly KnownSymbols _symbols = new(symbols);

    public override IReadOnlyList<string> Subscription { get; } = symbols.Chunk(TopicsPerRequest)
        .Select((topics, i) => JsonSerializer.Serialize(new
        {
            op = "subscribe",
            req_id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            args = topics.Select(symbol => $"publicTrade.{symbol}"),
        }))
        .ToArray();

    public override KeepAlive KeepAlives { get; } = new("""{"op":"ping"}""", TimeSpan.FromSeconds(20));

    public override bool NumbersTradesBySymbol => false;

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
            string? topic = null, op = null, message = null;
            bool? success = null;
            Frame? problem = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("topic"u8))
                    topic = NextString(ref reader);
                else if (reader.ValueTextEquals("op"u8))
                    op = NextString(ref reader);
                else if (reader.ValueTextEquals("ret_msg"u8))
                    message = NextString(ref reader);
                else if (reader.ValueTextEquals("success"u8))
                    success = NextBoolean(ref reader);
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    problem ??= ReadTradeList(ref reader, trades, amountsAreNumbers: false, "s, i, p, v and T");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            EnsureEnd(ref reader);
            if (topic is not null)
            {
                if (!topic.StartsWith("publicTrade.", StringComparison.Ordinal))
                    return Unread(trades, read, new Unreadable($"a message of topic '{topic}', not a trade"));
                if (problem is not null || trades.Count == read)
                    return Unread(trades, read, problem ?? new Unreadable("a trade message without trades"));
                return null;
            }
            return Unread(trades, read, (op, success) switch
            {
                ("ping" or "pong", _) => Notice.Instance,
                (not null, true) => new Answer(null),
                (not null, false) => new Answer(message is { Length: > 0 } ? message : $"{op} refused"),
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
        if (name.SequenceEqual("s"u8))
            trade.Symbol(ref reader, _symbols, "s");
        else if (name.SequenceEqual("i"u8))
            trade.IdText(ref reader, "i");
        else if (name.SequenceEqual("p"u8))
            trade.Price(ref reader, "p");
        else if (name.SequenceEqual("v"u8))
            trade.Quantity(ref reader, "v");
        else if (name.SequenceEqual("T"u8))
            trade.TimeInMilliseconds(ref reader, "T");
        else
            reader.Skip();
    }
}
