using System.Text.Json;
using TradingActors.Exchanges;

namespace TradingActors.MarketData;

/// <summary>
/// Binance's trade streams, as a feed speaks them: one SUBSCRIBE for its symbols' trade streams, and the
/// frames that come back: trade events (raw, or wrapped by a combined stream), answers to the request,
/// and anything unreadable, such as a torn frame, whose trade is lost and shows as a gap at the next one.
/// </summary>
internal static class TradeStreamProtocol
{
    public abstract record Frame;

    public sealed record Trade(string Symbol, long Id, decimal Price, decimal Quantity, DateTimeOffset Time) : Frame;

    /// <param name="Problem">Why the endpoint refused the request; null when it accepted it.</param>
    public sealed record Answer(string? Problem) : Frame;

    public sealed record Unreadable(string Problem) : Frame;

    public static string Subscribe(IEnumerable<string> symbols) =>
        JsonSerializer.Serialize(new { method = "SUBSCRIBE", @params = symbols.Select(StreamName), id = 1 });

    public static string StreamName(string symbol) => $"{symbol.ToLowerInvariant()}@trade";

    public static Frame Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new Unreadable("not a JSON object");
            var data = root.TryGetProperty("data", out var wrapped) ? wrapped : root;
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("e", out var type) && type.ValueEquals("trade"))
                return ReadTrade(data);
            if (root.TryGetProperty("id", out _))
                return new Answer(root.TryGetProperty("error", out var error) ? error.GetRawText() : null);
            return new Unreadable("neither a trade nor an answer");
        }
        catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException
                                          or KeyNotFoundException or ArgumentException)
        {
            return new Unreadable(error.Message);
        }
    }

    private static Trade ReadTrade(JsonElement trade) => new(
        Text(trade, "s"),
        trade.GetProperty("t").GetInt64(),
        PlainDecimal.Parse(Text(trade, "p"), "price"),
        PlainDecimal.Parse(Text(trade, "q"), "quantity"),
        DateTimeOffset.FromUnixTimeMilliseconds(trade.GetProperty("T").GetInt64()));

    private static string Text(JsonElement trade, string property) =>
        trade.GetProperty(property).GetString() is { Length: > 0 } text ? text : throw new FormatException($"'{property}' is empty");
}
