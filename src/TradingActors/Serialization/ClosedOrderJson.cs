using System.Text.Json;
using System.Text.Json.Serialization;
using TradingActors.Orders;

namespace TradingActors.Serialization;

/// <summary>
/// An order that ended, in a ledger snapshot: <c>{"Life":"Filled","At":"..."}</c>. A snapshot written before the
/// ledger kept end times holds only the outcome, <c>"Filled"</c>: it is read with its end time unknown
/// (<see cref="ClosedOrder.EndUnknown"/>), so that a ledger file from before still starts.
/// </summary>
internal sealed class ClosedOrderJson : JsonConverter<ClosedOrder>
{
    public override ClosedOrder Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return new ClosedOrder(JsonSerializer.Deserialize<OrderLife>(ref reader, options), ClosedOrder.EndUnknown);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("expected an order that ended, { \"Life\": ..., \"At\": ... }");
        OrderLife? life = null;
        DateTimeOffset? at = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case nameof(ClosedOrder.Life):
                    life = JsonSerializer.Deserialize<OrderLife>(ref reader, options);
                    break;
                case nameof(ClosedOrder.At):
                    at = reader.GetDateTimeOffset();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return life is { } known && at is { } ended
            ? new ClosedOrder(known, ended)
            : throw new JsonException("an order that ended needs its Life and At");
    }

    public override void Write(Utf8JsonWriter writer, ClosedOrder value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(nameof(ClosedOrder.Life));
        JsonSerializer.Serialize(writer, value.Life, options);
        writer.WriteString(nameof(ClosedOrder.At), value.At);
        writer.WriteEndObject();
    }
}
