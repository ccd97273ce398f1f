using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch.MessageQueues;
using TradingActors.Breaker;
using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.Exchanges.Simulated;
using TradingActors.Registry;

namespace TradingActors.Tests.Breaker;

/// <summary>The mailbox of the breakers and connectors the engine makes by the thousand: small while quiet, unbounded, in order.</summary>
public sealed class CompactMailboxSpecs(ITestOutputHelper output) : EngineSpec(output)
{
    private static Envelope Message(int number) => new(number, ActorRefs.NoSender);

    private static List<object> ReadAll(IMessageQueue queue)
    {
        var read = new List<object>();
        while (queue.TryDequeue(out var envelope))
            read.Add(envelope.Message);
        return read;
    }

    [Fact]
    public void Messages_are_read_in_the_order_they_came()
    {
        var queue = new CompactMessageQueue();

        foreach (var number in Enumerable.Range(1, 100))
            queue.Enqueue(ActorRefs.Nobody, Message(number));

        Assert.Equal((true, 100), (queue.HasMessages, queue.Count));
        Assert.Equal(Enumerable.Range(1, 100).Cast<object>(), ReadAll(queue));
        Assert.Equal((false, 0), (queue.HasMessages, queue.Count));
    }

    [Fact]
    public void Messages_the_stash_puts_back_are_read_before_the_others_last_put_back_first()
    {
        var queue = new CompactMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, Message(3));

        queue.EnqueueFirst(Message(2));
        queue.EnqueueFirst(Message(1));

        Assert.Equal(3, queue.Count);
        Assert.Equal([1, 2, 3], ReadAll(queue));
    }

    [Fact]
    public void A_busy_queue_emptied_after_a_burst_takes_messages_again()
    {
        var queue = new CompactMessageQueue();
        foreach (var number in Enumerable.Range(1, 1000))
            queue.Enqueue(ActorRefs.Nobody, Message(number));
        ReadAll(queue);

        queue.Enqueue(ActorRefs.Nobody, Message(1001));

        Assert.Equal([1001], ReadAll(queue));
    }

    [Fact]
    public void Messages_waiting_when_the_actor_turns_busy_are_read_before_the_later_ones()
    {
        var queue = new CompactMessageQueue();
        foreach (var number in Enumerable.Range(1, 5))
            queue.Enqueue(ActorRefs.Nobody, Message(number));
        queue.TryDequeue(out _);

        foreach (var number in Enumerable.Range(6, 10))
            queue.Enqueue(ActorRefs.Nobody, Message(number));

        Assert.Equal(14, queue.Count);
        Assert.Equal(Enumerable.Range(2, 14).Cast<object>(), ReadAll(queue));
    }

    [Fact]
    public void Messages_read_between_bursts_of_every_size_keep_their_order()
    {
        var queue = new CompactMessageQueue();
        var expected = new Queue<int>();
        var random = new Random(15);
        var next = 0;

        for (var round = 0; round < 2_000; round++)
        {
            for (var burst = random.Next(0, round % 100 == 0 ? 300 : 6); burst > 0; burst--)
            {
                queue.Enqueue(ActorRefs.Nobody, Message(next));
                expected.Enqueue(next++);
            }
            for (var read = random.Next(0, 6); read > 0 && expected.Count > 0; read--)
            {
                Assert.True(queue.TryDequeue(out var envelope));
                Assert.Equal(expected.Dequeue(), envelope.Message);
            }
            Assert.Equal(expected.Count, queue.Count);
        }
        Assert.Equal(expected.Cast<object>(), ReadAll(queue));
    }

    [Fact]
    public void Messages_sent_from_many_threads_at_once_all_arrive()
    {
        var queue = new CompactMessageQueue();

        Parallel.For(0, 8, sender =>
        {
            for (var number = 0; number < 10_000; number++)
                queue.Enqueue(ActorRefs.Nobody, Message(sender * 10_000 + number));
        });

        Assert.Equal(Enumerable.Range(0, 80_000).Cast<object>(), ReadAll(queue).Order());
    }

    [Fact]
    public void Messages_left_when_the_actor_stops_go_to_the_dead_letters()
    {
        var queue = new CompactMessageQueue();
        var deadLetters = new CompactMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, Message(1));
        queue.EnqueueFirst(Message(0));

        queue.CleanUp(ActorRefs.Nobody, deadLetters);

        Assert.Equal([0, 1], ReadAll(deadLetters));
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void A_host_s_engine_has_the_mailbox_from_the_reference_configuration()
    {
        var type = TradingSettings.Reference.GetString($"{CompactMailbox.Id}.mailbox-type");

        Assert.Equal(typeof(CompactMailboxType), Type.GetType(type));
    }

    [Fact]
    public async Task The_registry_s_breakers_and_their_connectors_run_in_it_in_an_actor_system_without_the_engine_s_configuration()
    {
        var system = ActorSystem.Create("plain");
        try
        {
            var exchange = new SimulatedExchangeClient(system.Scheduler).WithPrice("BTCUSDT", 42_000);
            var registry = system.ActorOf(ExchangeRegistry.Props(TradingSettings.From(ConfigurationFactory.Empty), _ => Exchange(exchange)));

            var reply = await registry.Ask<ExchangeReply>(new GetPrice("binance", "BTCUSDT"), TimeSpan.FromSeconds(5));

            Assert.IsType<PriceQuoted>(reply);
            Assert.IsType<CompactMailboxType>(system.Mailboxes.Lookup(CompactMailbox.Id));
        }
        finally
        {
            await system.Terminate();
        }
    }
}
