using System.Buffers.Binary;

namespace TradingActors.Exchanges;

/// <summary>
/// A request's identity. Replies name the request they answer, and the engine finds a call again by
/// this id, never by the object's reference, so a reply can be a copy, or have crossed a serializer,
/// a journal or another node.
/// </summary>
public readonly record struct RequestId(Guid Value)
{
    // 64 random bits per process and a counter: unique across the nodes of a cluster, and far cheaper
    // than a random Guid on the request path.
    private static readonly long Process = Random.Shared.NextInt64();
    private static long _sequence;

    public static RequestId New()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, Process);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[8..], Interlocked.Increment(ref _sequence));
        return new RequestId(new Guid(bytes));
    }

    public bool IsEmpty => Value == Guid.Empty;

    public override string ToString() => Value.ToString("N");
}
