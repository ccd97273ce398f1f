using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace TradingActors.Serialization;

/// <summary>
/// The engine's messages as JSON (System.Text.Json), each named by its short, stable manifest from
/// <see cref="TradingManifests"/> rather than by its CLR type. Bound to every public message in the
/// engine's reference configuration (hocon/trading.conf), with its fixed identifier, 4711; the README's
/// "Design notes: the wire" says why this format.
/// </summary>
internal sealed class TradingSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private readonly JsonSerializerOptions _options = TradingJson.Options(system);

    public override string Manifest(object o) => TradingManifests.Of(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, TradingManifests.TypeOf(manifest)
                                          ?? throw new SerializationException($"no trading message has the manifest '{manifest}'"), _options)
        ?? throw new SerializationException($"a '{manifest}' message was serialized as null");
}
