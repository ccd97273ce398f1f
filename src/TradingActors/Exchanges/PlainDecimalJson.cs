using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingActors.Exchanges;

/// <summary>
/// Reads an exchange's price or quantity, a JSON string (or number) holding a <see cref="PlainDecimal"/>;
/// anything else, an exponent included, makes the reply malformed. Writes one as a plain decimal string:
/// the engine's own messages carry their prices and quantities so too (see <c>TradingJson</c>).
/// </summary>
internal sealed class PlainDecimalJson : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => throw new JsonException($"expected a decimal number, got {reader.TokenType}"),
        };
        return PlainDecimal.TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not a plain decimal number");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PlainDecimal.Format(value));
}
