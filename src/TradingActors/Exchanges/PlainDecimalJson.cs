using System.Buffers;
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
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
            throw new JsonException($"expected a decimal number, got {reader.TokenType}");
        // Read from the reply's own bytes: an exchange escapes nothing in a number, so the copy is only for the rare one that does.
        ReadOnlySpan<byte> text = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.HasValueSequence ? reader.ValueSequence.ToArray()
            : reader.ValueSpan;
        return PlainDecimal.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{Encoding.UTF8.GetString(text)}' is not a plain decimal number");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PlainDecimal.Format(value));
}
