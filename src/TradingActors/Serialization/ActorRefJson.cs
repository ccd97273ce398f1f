using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace TradingActors.Serialization;

/// <summary>
/// An actor reference as Akka writes one for the wire: its path with the address of this node, resolved
/// again by the actor system that reads it.
/// </summary>
internal sealed class ActorRefJson(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        system.Provider.ResolveActorRef(reader.GetString() ?? throw new JsonException("expected an actor path"));

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
}
