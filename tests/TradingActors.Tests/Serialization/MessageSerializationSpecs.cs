using System.Text;
using Akka.Actor;
using Akka.Serialization;
using TradingActors.Exchanges;
using TradingActors.Orders;
using TradingActors.Serialization;

namespace TradingActors.Tests.Serialization;

/// <summary>
/// Every message that crosses an actor boundary goes through the trading serializer and comes back as it
/// was: on the wire to another node, or from a journal. A message added later is found by reflection, so it
/// cannot be forgotten: it fails here until it has a binding, a manifest and a sample.
/// </summary>
public sealed class MessageSerializationSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    public static TheoryData<string> Messages => new(PublicMessages.All.Select(type => type.FullName!));

    private IReadOnlyDictionary<Type, MessageSamples.Sample>? _samples;

    private IReadOnlyDictionary<Type, MessageSamples.Sample> Samples =>
        _samples ??= MessageSamples.All([.. Enumerable.Range(0, 5).Select(_ => CreateTestProbe().Ref)]);

    private SerializerWithStringManifest Trading => (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(PlaceOrder));

    [Theory, MemberData(nameof(Messages))]
    public void A_public_message_is_bound_to_the_trading_serializer(string message) =>
        Assert.IsType<TradingSerializer>(Sys.Serialization.FindSerializerForType(PublicMessages.Named(message)));

    [Theory, MemberData(nameof(Messages))]
    public void A_public_message_comes_back_from_serialization_as_it_was(string message)
    {
        Assert.True(Samples.TryGetValue(PublicMessages.Named(message), out var given), $"{message} has no sample in {nameof(MessageSamples)}");
        var sample = given.Message;
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerFor(sample);

        var back = Sys.Serialization.Deserialize(serializer.ToBinary(sample), serializer.Identifier, serializer.Manifest(sample));

        Assert.Empty(Structure.Differences(sample, back, sample.GetType().Name));
    }

    [Fact]
    public void Every_public_message_has_a_sample() =>
        Assert.Empty(PublicMessages.All.Where(type => !Samples.ContainsKey(type)).Select(type => type.FullName));

    [Fact]
    public void Every_sample_sets_every_member_so_that_a_member_lost_on_the_wire_shows() =>
        Assert.Empty(Samples.Values.SelectMany(sample => Structure.Defaults(sample.Message, sample.Message.GetType().Name)));

    [Fact]
    public void A_message_is_journaled_under_its_manifest_which_never_changes() =>
        Assert.All(Samples.Values, sample => Assert.Equal(sample.Manifest, Trading.Manifest(sample.Message)));

    [Fact]
    public void The_trading_serializer_keeps_its_identifier() =>
        Assert.Equal(4711, Sys.Serialization.FindSerializerForType(typeof(PlaceOrder)).Identifier);

    // A failed order as a journal row: readable JSON, the request tagged with its manifest, its id as the logs
    // print it, prices and quantities as plain decimal strings, exactly as given.
    private const string FailedOrderRow =
        """{"Request":{"$type":"PlaceOrder","Exchange":"binance","Symbol":"BTCUSDT","Side":"Sell","Quantity":"0.00000001","LimitPrice":"42000.10000000","ClientOrderId":"order-7","Id":"0123456789abcdef0123456789abcdef"},"Kind":"Timeout","Outcome":"Unknown","RetryAfter":null,"Detail":"no answer within 10s"}""";

    private static readonly ExchangeFailed FailedOrder = new(
        new PlaceOrder("binance", "BTCUSDT", OrderSide.Sell, 0.00000001m, 42_000.10000000m, "order-7")
        {
            Id = new RequestId(Guid.Parse("0123456789abcdef0123456789abcdef")),
        },
        FailureKind.Timeout, ExecutionOutcome.Unknown, null, "no answer within 10s");

    [Fact]
    public void A_message_is_written_as_readable_json_with_plain_decimal_strings() =>
        Assert.Equal(FailedOrderRow, Encoding.UTF8.GetString(Trading.ToBinary(FailedOrder)));

    [Fact]
    public void A_journal_row_written_today_reads_back_as_the_same_message() =>
        Assert.Equal(FailedOrder, Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(FailedOrderRow), 4711, "ExchangeFailed"));

    // A ledger snapshot as the ledger wrote it before it kept when each order ended: the outcome alone.
    private const string SnapshotWithoutEndTimes = """{"Orders":[],"Closed":{"order-1":"Cancelled"}}""";

    [Fact]
    public void A_snapshot_written_before_end_times_were_kept_reads_back_with_the_end_times_unknown()
    {
        var snapshot = (OrderLedgerSnapshot)Sys.Serialization.Deserialize(Encoding.UTF8.GetBytes(SnapshotWithoutEndTimes), 4711, "OrderLedgerSnapshot");

        Assert.Equal(new ClosedOrder(OrderLife.Cancelled, ClosedOrder.EndUnknown), snapshot.Closed["order-1"]);
    }
}
