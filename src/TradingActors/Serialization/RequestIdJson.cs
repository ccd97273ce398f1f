using System.Text.Json;
using System.Text.Json.Serialization;
using TradingActors.Exchanges;

namespace TradingActors.Serialization;

/// <summary>A request's id as the logs print it, a bare 32-digit Guid, so that a journal row is found by the id in a log line.</summary>
internal sealed class RequestIdJson : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guid.TryParse(reader.GetString(), out var id) ? new RequestId(id) : throw new JsonException("expected a request id, a Guid");

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
