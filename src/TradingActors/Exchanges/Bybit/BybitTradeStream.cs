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
internal sealed class BybitTradeStream(IReadOnlyList<string> symbols) : ListedTradeStream(amountsAreNumbers: false)
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

    protected override (string Kind, string Op, string Refusal) Names => ("topic", "op", "ret_msg");

    protected override string RequiredTradeFields => "s, i, p, v and T";

    protected override Frame? Classify(in Message message) => (message.Kind, message.Op, message.Success) switch
    {
        ({ } topic, _, _) when topic.StartsWith("publicTrade.", StringComparison.Ordinal) => message.Trades(),
        ({ } topic, _, _) => new Unreadable($"a message of topic '{topic}', not a trade"),
        (null, "ping" or "pong", _) => Notice.Instance,
        (null, not null, true) => new Answer(null),
        (null, { } op, false) => new Answer(message.Refusal is { Length: > 0 } refusal ? refusal : $"{op} refused"),
        _ => new Unreadable("neither a trade message nor an answer"),
    };

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
