using System.Text.Json;
using TradingActors.MarketData;

namespace TradingActors.Exchanges.Binance;

/// <summary>
/// Binance's trade streams: one SUBSCRIBE for the symbols' <c>&lt;symbol&gt;@trade</c> streams; a trade event is
/// raw, or wrapped in a combined stream's <c>data</c>; an answer carries the request's <c>id</c>. Binance numbers
/// each symbol's trades one after another.
/// </summary>
internal sealed class BinanceTradeStream(IReadOnlyList<string> symbols) : TradeStreamProtocol
{
    private readonly KnownSymbols _symbols = new(symbols);

    public override IReadOnlyList<string> Subscription { get; } =
        [JsonSerializer.Serialize(new { method = "SUBSCRIBE", @params = symbols.Select(StreamName), id = 1 })];

    public static string StreamName(string symbol) => $"{symbol.ToLowerInvariant()}@trade";

    public override Frame? Read(ReadOnlySpan<byte> utf8, List<Trade> trades)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (StartObject(ref reader) is { } notAnObject)
                return notAnObject;
            var root = new EventFields();
            var data = new EventFields();
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
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                            data.ReadProperty(ref reader, _symbols);
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
                    root.ReadProperty(ref reader, _symbols);
                }
            }
            EnsureEnd(ref reader);
            var fields = wrapped ? data : root;
            if (!fields.IsTrade)
                return answered ? new Answer(error) : new Unreadable("neither a trade nor an answer");
            if (fields.Trade.Read(out var trade, "s, t, p, q and T") is { } unreadable)
                return unreadable;
            trades.Add(trade);
            return null;
        }
        catch (Exception error) when (IsUnreadable(error))
        {
            return new Unreadable(error.Message);
        }
    }

    /// <summary>An event's fields: a trade's, once its <c>e</c> says it is one.</summary>
    private ref struct EventFields
    {
        public bool IsTrade;
        public TradeFields Trade;

        /// <summary>Reads the value of the property the reader is on, and keeps it when it is a trade's.</summary>
        public void ReadProperty(ref Utf8JsonReader reader, KnownSymbols symbols)
        {
            var name = PropertyName(ref reader) is [var letter] ? letter : (byte)0;
            reader.Read();
            switch (name)
            {
                case (byte)'e':
                    IsTrade = reader.ValueTextEquals("trade"u8);
                    break;
                case (byte)'s':
                    Trade.Symbol(ref reader, symbols, "s");
                    break;
                case (byte)'t':
                    Trade.Id(ref reader, "t");
                    break;
                case (byte)'p':
                    Trade.Price(ref reader, "p");
                    break;
                case (byte)'q':
                    Trade.Quantity(ref reader, "q");
                    break;
                case (byte)'T':
                    Trade.TimeInMilliseconds(ref reader, "T");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }
}
