using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using TradingActors.Exchanges;

namespace TradingActors.Serialization;

/// <summary>
/// How the engine's records become JSON: prices and quantities as plain decimal strings (exact, never a
/// double), enums by name, a request's id as a bare Guid, actor references as their paths, an order that ended
/// in a ledger snapshot also as snapshots wrote it before they kept its end time. The records carry no
/// serialization attributes: the rules below are the whole mapping.
/// </summary>
internal static class TradingJson
{
    /// <summary>Where a member declared as an abstract message says which message it holds.</summary>
    private const string ManifestProperty = "$type";

    public static JsonSerializerOptions Options(ExtendedActorSystem system) => new()
    {
        Converters =
        {
            new PlainDecimalJson(),
            new RequestIdJson(),
            new ActorRefJson(system),
            new ClosedOrderJson(),
            new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false),
        },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WrittenAsConstructed, TaggedByManifest } },
    };

    // A record is written as it is constructed, in its constructor's order: what the constructor takes, then the
    // init-only members that no constructor takes (a request's Id). Left out: computed members (IsIdempotent,
    // FeedGap.Missed), and a base record's positional member that the derived record's constructor fills from one
    // of its own (ExchangeReply.Request of an OrderPlaced is its Order), which would otherwise be written twice.
    private static void WrittenAsConstructed(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Assembly != typeof(TradingJson).Assembly)
            return;
        var taken = Parameters(type.Type);
        var written = type.Properties
            .Where(member => taken.Contains(member.Name) || member.Set is not null && !Parameters(DeclaringType(member, type)).Contains(member.Name))
            .OrderBy(member => taken.IndexOf(member.Name) is var position and >= 0 ? position : taken.Count)
            .ToList();
        type.Properties.Clear();
        foreach (var member in written)
            type.Properties.Add(member);
    }

    private static Type DeclaringType(JsonPropertyInfo member, JsonTypeInfo type) =>
        (member.AttributeProvider as MemberInfo)?.DeclaringType ?? type.Type;

    // The parameters of a record's constructor (not of its copy constructor), in order.
    private static List<string> Parameters(Type record) =>
        record.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Select(constructor => constructor.GetParameters())
            .Where(parameters => parameters is not [{ ParameterType: var copied }] || copied != record)
            .SelectMany(parameters => parameters)
            .Select(parameter => parameter.Name!)
            .ToList();

    // A member declared as an abstract message type (ExchangeReply.Request, an ExchangeRequest) carries the
    // manifest of the message it holds, from the same table that names the messages themselves.
    private static void TaggedByManifest(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !type.Type.IsAbstract)
            return;
        var derived = TradingManifests.All.Where(m => type.Type.IsAssignableFrom(m.Type)).ToList();
        if (derived.Count == 0)
            return;
        type.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = ManifestProperty };
        foreach (var (message, manifest) in derived)
            type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(message, manifest));
    }
}
