using System.Text.Json;
using System.Text.Json.Serialization;
using TradingActors.ExchangeSim.Rest;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.Streams;

/// <summary>Binance's trade event, and its envelope on a combined stream.</summary>
internal static class TradeEventJson
{
    public static string Serialize(Trade trade, bool combined)
    {
        var data = new TradeEvent(
            "trade", Wire.Millis(trade.Time), trade.Symbol, trade.Id, Wire.Amount(trade.Price), Wire.Amount(trade.Quantity),
            Wire.Millis(trade.Time), trade.BuyerIsMaker, Ignore: true);
        return combined ? JsonSerializer.Serialize(new CombinedFrame(trade.StreamName, data)) : JsonSerializer.Serialize(data);
    }

    private sealed record TradeEvent(
        [property: JsonPropertyName("e")] string EventType,
        [property: JsonPropertyName("E")] long EventTime,
        [property: JsonPropertyName("s")] string Symbol,
        [property: JsonPropertyName("t")] long TradeId,
        [property: JsonPropertyName("p")] string Price,
        [property: JsonPropertyName("q")] string Quantity,
        [property: JsonPropertyName("T")] long TradeTime,
        [property: JsonPropertyName("m")] bool BuyerIsMaker,
        [property: JsonPropertyName("M")] bool Ignore);

    private sealed record CombinedFrame(
        [property: JsonPropertyName("stream")] string Stream,
        [property: JsonPropertyName("data")] TradeEvent Data);
}
