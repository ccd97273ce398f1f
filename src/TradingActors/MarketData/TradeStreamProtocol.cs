using System.Text;
using System.Text.Json;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Binance;
using TradingActors.Exchanges.Bybit;
using TradingActors.Exchanges.Kraken;

namespace TradingActors.MarketData;

/// <summary>
/// An exchange's public trade stream, as a feed speaks it: what it sends on a new socket to subscribe to its
/// symbols, what it sends to keep a quiet socket open, and how each frame that comes back reads: trades, an
/// answer to a request, a notice that needs nothing (a heartbeat, a pong), or anything unreadable, such as a
/// torn frame, whose trades are lost and show as a gap at the next one. One instance per feed: it knows the
/// feed's symbols under the exchange's names.
/// </summary>
/// <remarks>
/// A frame is read in one pass of a <see cref="Utf8JsonReader"/> over the bytes received, as strictly as a
/// parsed document: the whole frame must be well-formed JSON, and prices and quantities exact decimals.
/// </remarks>
internal abstract class TradeStreamProtocol
{
    public abstract record Frame;

    /// <summary>A trade; a value, since a feed reads them into a list it reuses and keeps none.</summary>
    public readonly record struct Trade(string Symbol, long Id, decimal Price, decimal Quantity, DateTimeOffset Time);

    /// <param name="Problem">Why the endpoint refused the request; null when it accepted it.</param>
    public sealed record Answer(string? Problem) : Frame;

    /// <summary>A frame that carries no trade and asks for nothing: a heartbeat, a pong, the connection's status.</summary>
    public sealed record Notice : Frame
    {
        public static readonly Notice Instance = new();
    }

    public sealed record Unreadable(string Problem) : Frame;

    /// <summary>A request the feed sends every <paramref name="Every"/> while it streams, because the exchange closes a socket that says nothing.</summary>
    public sealed record KeepAlive(string Text, TimeSpan Every);

    public static TradeStreamProtocol For(ExchangeProtocol protocol, IReadOnlyList<string> symbols) => protocol switch
    {
        ExchangeProtocol.Binance => new BinanceTradeStream(symbols),
        ExchangeProtocol.Bybit => new BybitTradeStream(symbols),
        ExchangeProtocol.Kraken => new KrakenTradeStream(symbols),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no trade stream for this protocol"),
    };

    /// <summary>The requests that subscribe a new socket to the feed's symbols, sent in this order.</summary>
    public abstract IReadOnlyList<string> Subscription { get; }

    public virtual KeepAlive? KeepAlives => null;

    /// <summary>
    /// Whether the exchange numbers each symbol's trades one after another, so that a jump in ids is trades lost.
    /// Where it does not, a trade id at or below the last one is still a trade seen again.
    /// </summary>
    public virtual bool NumbersTradesBySymbol => true;

    /// <summary>Reads one frame; its trades, in the order they came, are added to <paramref name="trades"/>.</summary>
    /// <returns>Null when the frame carried trades; otherwise what the frame is.</returns>
    public abstract Frame? Read(ReadOnlySpan<byte> utf8, List<Trade> trades);

    /// <summary>Moves the reader onto the frame's one object; a frame that is anything else is unreadable.</summary>
    protected static Unreadable? StartObject(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
            return null;
        reader.Skip();
        EnsureEnd(ref reader);
        return new Unreadable("not a JSON object");
    }

    // What follows the one object must be nothing: the reader throws on anything else.
    protected static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new JsonException($"'{reader.TokenType}' after the frame's object");
    }

    /// <summary>The raw JSON of the value the reader is on, as the endpoint wrote it; the reader moves past it.</summary>
    protected static string RawText(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(utf8[start..(int)reader.BytesConsumed]);
    }

    /// <summary>The name of the property the reader is on, in UTF-8; only an escaped one is copied.</summary>
    protected static ReadOnlySpan<byte> PropertyName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

    protected static bool IsUnreadable(Exception error) => error is JsonException or InvalidOperationException;

    /// <summary>
    /// A trade's fields as they are read. A field that cannot be read is kept as a problem rather than thrown at
    /// once, because it matters only if the object turns out to be a trade.
    /// </summary>
    /// <param name="amountsAreNumbers">Prices and quantities come as JSON numbers (Kraken), not as strings of digits (Binance, Bybit).</param>
    protected ref struct TradeFields(bool amountsAreNumbers)
    {
        private readonly bool _amountsAreNumbers = amountsAreNumbers;
        private string? _symbol;
        private long? _id;
        private decimal? _price;
        private decimal? _quantity;
        private DateTimeOffset? _time;
        private string? _problem;

        /// <summary>The symbol the reader is on, under the engine's name.</summary>
        public void Symbol(ref Utf8JsonReader reader, KnownSymbols symbols, string property)
        {
            if (reader.TokenType != JsonTokenType.String)
                Problem($"'{property}' is not a string");
            else if (symbols.Read(ref reader) is { Length: > 0 } symbol)
                _symbol = symbol;
            else
                Problem($"'{property}' is empty");
        }

        public void Id(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id))
                _id = id;
            else
                Problem($"'{property}' is not an integer");
        }

        /// <summary>An id written as a string of decimal digits.</summary>
        public void IdText(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                && System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out long id, out var used) && used == reader.ValueSpan.Length && id >= 0)
                _id = id;
            else
                Problem($"'{property}' is not an integer in decimal digits");
        }

        public void Price(ref Utf8JsonReader reader, string property) => _price = Decimal(ref reader, property);

        public void Quantity(ref Utf8JsonReader reader, string property) => _quantity = Decimal(ref reader, property);

        public void TimeInMilliseconds(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var millis))
                _time = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            else
                Problem($"'{property}' is not an integer");
        }

        /// <summary>A time written as RFC 3339 text.</summary>
        public void Timestamp(ref Utf8JsonReader reader, string property)
        {
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time))
                _time = time;
            else
                Problem($"'{property}' is not an RFC 3339 time");
        }

        /// <returns>Null when every field was read, and the trade is in <paramref name="trade"/>; otherwise why it is unreadable.</returns>
        public readonly Unreadable? Read(out Trade trade, string fields)
        {
            trade = default;
            if (_problem is not null)
                return new Unreadable(_problem);
            if (_symbol is null || _id is null || _price is null || _quantity is null || _time is null)
                return new Unreadable($"a trade without all of {fields}");
            trade = new Trade(_symbol, _id.Value, _price.Value, _quantity.Value, _time.Value);
            return null;
        }

        // A JSON number is read straight into a decimal, never through a double.
        private decimal? Decimal(ref Utf8JsonReader reader, string property)
        {
            if (_amountsAreNumbers)
                return reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number)
                    ? number
                    : Problem<decimal>($"'{property}' is not a number that fits a decimal");
            if (reader.TokenType != JsonTokenType.String)
                return Problem<decimal>($"'{property}' is not a string");
            var parsed = reader.ValueIsEscaped
                ? PlainDecimal.TryParse(reader.GetString(), out var value)
                : PlainDecimal.TryParse(reader.ValueSpan, out value);
            return parsed ? value : Problem<decimal>($"'{property}' '{reader.GetString()}' is not a plain decimal number");
        }

        private void Problem(string problem) => _problem ??= problem;

        private T? Problem<T>(string problem) where T : struct
        {
            _problem ??= problem;
            return null;
        }
    }
}
