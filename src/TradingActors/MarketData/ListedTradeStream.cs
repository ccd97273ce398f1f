using System.Text.Json;

namespace TradingActors.MarketData;

/// <summary>
/// A trade stream whose every frame is one JSON object of the same shape (Bybit's and Kraken's): a name that says
/// which topic or channel a message is, an answer's op or method and its refusal, whether it succeeded, and a
/// <c>data</c> list, of trades in a trade message. Each protocol names those properties and a trade's, and says
/// what a message it has read is.
/// </summary>
internal abstract class ListedTradeStream(bool amountsAreNumbers) : TradeStreamProtocol
{
    /// <summary>What a message says of itself, read from its top level; <see cref="Problem"/> is its first trade that cannot be read.</summary>
    protected readonly record struct Message(string? Kind, string? Op, string? Refusal, bool? Success, Unreadable? Problem, bool HasTrades)
    {
        /// <summary>A trade message: its trades, taken (null), unless one could not be read or it has none.</summary>
        public Frame? Trades() => Problem ?? (HasTrades ? null : new Unreadable("a trade message without trades"));
    }

    /// <summary>The properties that say what a message is: the topic or channel, the op or method, the refusal's words.</summary>
    protected abstract (string Kind, string Op, string Refusal) Names { get; }

    /// <summary>The trade properties that must all be there, as a refusal to read one names them.</summary>
    protected abstract string RequiredTradeFields { get; }

    /// <returns>Null for a trade message whose trades are taken; otherwise what the message is.</returns>
    protected abstract Frame? Classify(in Message message);

    /// <summary>Reads the value of a trade's property <paramref name="name"/> into <paramref name="trade"/>, or skips it.</summary>
    protected abstract void ReadTradeField(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader, ref TradeFields trade);

    public sealed override Frame? Read(ReadOnlySpan<byte> utf8, List<Trade> trades)
    {
        var read = trades.Count;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (StartObject(ref reader) is { } notAnObject)
                return notAnObject;
            var (kindName, opName, refusalName) = Names;
            string? kind = null, op = null, refusal = null;
            bool? success = null;
            Unreadable? problem = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(kindName))
                    kind = NextString(ref reader);
                else if (reader.ValueTextEquals(opName))
                    op = NextString(ref reader);
                else if (reader.ValueTextEquals(refusalName))
                    refusal = NextString(ref reader);
                else if (reader.ValueTextEquals("success"u8))
                    success = NextBoolean(ref reader);
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    problem ??= ReadTradeList(ref reader, trades);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            EnsureEnd(ref reader);
            return Classify(new Message(kind, op, refusal, success, problem, trades.Count > read)) is { } frame ? Unread(trades, read, frame) : null;
        }
        catch (Exception error) when (IsUnreadable(error))
        {
            return Unread(trades, read, new Unreadable(error.Message));
        }
    }

    /// <summary>
    /// Reads a <c>data</c> list of objects as trades, each property of each handed to <see cref="ReadTradeField"/>;
    /// anything but a list is skipped. The first object that cannot be read as a trade is the problem returned.
    /// </summary>
    private Unreadable? ReadTradeList(ref Utf8JsonReader reader, List<Trade> trades)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        Unreadable? problem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var trade = new TradeFields(amountsAreNumbers);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = PropertyName(ref reader);
                reader.Read();
                ReadTradeField(name, ref reader, ref trade);
            }
            if (trade.Read(out var read, RequiredTradeFields) is { } unreadable)
                problem ??= unreadable;
            else
                trades.Add(read);
        }
        if (reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("'data' holds something other than objects");
        return problem;
    }

    // Takes a frame whole or not at all: the trades of one that turns out not to be a trade message are dropped with it.
    private static Frame Unread(List<Trade> trades, int read, Frame frame)
    {
        trades.RemoveRange(read, trades.Count - read);
        return frame;
    }

    private static string? NextString(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("expected a string");
    }

    private static bool NextBoolean(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new JsonException("expected a boolean"),
        };
    }
}
