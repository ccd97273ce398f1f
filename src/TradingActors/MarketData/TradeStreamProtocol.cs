using System.Text;
using System.Text.Json;
using TradingActors.Exchanges;

namespace TradingActors.MarketData;

/// <summary>
/// Binance's trade streams, as a feed speaks them: one SUBSCRIBE for its symbols' trade streams, and the
/// frames that come back: trade events (raw, or wrapped by a combined stream), answers to the request,
/// and anything unreadable, such as a torn frame, whose trade is lost and shows as a gap at the next one.
/// </summary>
/// <remarks>
/// A frame is read in one pass of a <see cref="Utf8JsonReader"/> over the bytes received, as strictly as a
/// parsed document: the whole frame must be well-formed JSON, and prices and quantities plain decimals.
/// </remarks>
internal static class TradeStreamProtocol
{
    public abstract record Frame;

    /// <summary>A trade event; a value, since a feed reads one per frame and keeps none.</summary>
    public readonly record struct Trade(string Symbol, long Id, decimal Price, decimal Quantity, DateTimeOffset Time);

    /// <param name="Problem">Why the endpoint refused the request; null when it accepted it.</param>
    public sealed record Answer(string? Problem) : Frame;

    public sealed record Unreadable(string Problem) : Frame;

    public static string Subscribe(IEnumerable<string> symbols) =>
        JsonSerializer.Serialize(new { method = "SUBSCRIBE", @params = symbols.Select(StreamName), id = 1 });

    public static string StreamName(string symbol) => $"{symbol.ToLowerInvariant()}@trade";

    /// <param name="symbols">The symbols whose strings a trade of theirs takes instead of a new one.</param>
    /// <returns>Null when the frame is a trade event, which is then in <paramref name="trade"/>; otherwise what the frame is.</returns>
    public static Frame? Read(ReadOnlySpan<byte> utf8, KnownSymbols symbols, out Trade trade)
    {
        trade = default;
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
            var root = new TradeFields();
            var data = new TradeFields();
            var wrapped = false;
            var answered = false;
            string? error = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    // A combined stream's event is its "data"; the fields around it are not the trade's.
                    wrapped = true;
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                        data.ReadObject(ref reader, symbols);
                    else
                        reader.Skip();
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    answered = true;
                    reader.Read();
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = RawText(utf8, ref reader);
                }
                else
                {
                    root.ReadProperty(ref reader, symbols);
                }
            }
            EnsureEnd(ref reader);
            var fields = wrapped ? data : root;
            if (fields.IsTrade)
                return fields.Read(out trade);
            return answered ? new Answer(error) : new Unreadable("neither a trade nor an answer");
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return new Unreadable(error.Message);
        }
    }

    // What follows the one object must be nothing: the reader throws on anything else.
    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new JsonException($"'{reader.TokenType}' after the frame's object");
    }

    private static string RawText(ReadOnlySpan<byte> utf8, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(utf8[start..(int)reader.BytesConsumed]);
    }

    /// <summary>
    /// A trade event's fields as they are read. A field that cannot be read is kept as a problem rather than
    /// thrown at once, because it matters only if the object turns out to be a trade event.
    /// </summary>
    private ref struct TradeFields
    {
        public bool IsTrade;
        private string? _symbol;
        private long? _id;
        private decimal? _price;
        private decimal? _quantity;
        private long? _time;
        private string? _problem;

        public void ReadObject(ref Utf8JsonReader reader, KnownSymbols symbols)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                ReadProperty(ref reader, symbols);
        }

        /// <summary>Reads the value of the property the reader is on, and keeps it when it is a trade's.</summary>
        public void ReadProperty(ref Utf8JsonReader reader, KnownSymbols symbols)
        {
            if (reader.ValueTextEquals("e"u8))
            {
                reader.Read();
                IsTrade = reader.ValueTextEquals("trade"u8);
            }
            else if (reader.ValueTextEquals("s"u8))
            {
                reader.Read();
                _symbol = reader.TokenType == JsonTokenType.String ? symbols.Read(ref reader) : Problem("'s' is not a string");
                if (_symbol is "")
                    _symbol = Problem("'s' is empty");
            }
            else if (reader.ValueTextEquals("t"u8))
            {
                reader.Read();
                _id = Integer(ref reader, "t");
            }
            else if (reader.ValueTextEquals("p"u8))
            {
                reader.Read();
                _price = Decimal(ref reader, "price");
            }
            else if (reader.ValueTextEquals("q"u8))
            {
                reader.Read();
                _quantity = Decimal(ref reader, "quantity");
            }
            else if (reader.ValueTextEquals("T"u8))
            {
                reader.Read();
                _time = Integer(ref reader, "T");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        /// <returns>Null when every field was read, and the trade is in <paramref name="trade"/>; otherwise why it is unreadable.</returns>
        public readonly Frame? Read(out Trade trade)
        {
            trade = default;
            if (_problem is not null)
                return new Unreadable(_problem);
            if (_symbol is null || _id is null || _price is null || _quantity is null || _time is null)
                return new Unreadable("a trade event without all of s, t, p, q and T");
            trade = new Trade(_symbol, _id.Value, _price.Value, _quantity.Value, DateTimeOffset.FromUnixTimeMilliseconds(_time.Value));
            return null;
        }

        private long? Integer(ref Utf8JsonReader reader, string property) =>
            reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : Problem<long>($"'{property}' is not an integer");

        private decimal? Decimal(ref Utf8JsonReader reader, string what)
        {
            if (reader.TokenType != JsonTokenType.String)
                return Problem<decimal>($"{what} is not a string");
            var parsed = reader.ValueIsEscaped
                ? PlainDecimal.TryParse(reader.GetString(), out var value)
                : PlainDecimal.TryParse(reader.ValueSpan, out value);
            return parsed ? value : Problem<decimal>($"{what} '{reader.GetString()}' is not a plain decimal number");
        }

        private string? Problem(string problem)
        {
            _problem ??= problem;
            return null;
        }

        private T? Problem<T>(string problem) where T : struct
        {
            _problem ??= problem;
            return null;
        }
    }
}
