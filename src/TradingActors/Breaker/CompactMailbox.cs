using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace TradingActors.Breaker;

/// <summary>
/// The mailbox of every breaker and of its connector. Akka's default mailbox is a <c>ConcurrentQueue</c>, which
/// takes about 1 KB the moment it is made (its first segment holds 32 messages); two per exchange were a quarter
/// of what a breaker cost, and a host may run thousands of breakers, most of them quiet. This one
/// (<see cref="CompactMessageQueue"/>) takes room only for the messages waiting. It is unbounded like the default
/// and keeps the stash's semantics (messages put back in front), which the breaker needs in cluster mode.
/// </summary>
internal static class CompactMailbox
{
    // Beside Akka's own mailboxes, not under `trading`, whose settings the engine reads and checks.
    public const string Id = "akka.actor.trading-compact-mailbox";

    private static readonly Config Section = ConfigurationFactory.ParseString(
        $$"""{{Id}}.mailbox-type = "{{typeof(CompactMailboxType).AssemblyQualifiedName}}" """);

    /// <summary>
    /// What props made for this mailbox deploy with: one for them all, where <c>WithMailbox</c> would copy the props
    /// and their deploy for every actor.
    /// </summary>
    public static readonly Deploy Deploy = new Deploy().WithMailbox(Id);

    /// <summary>
    /// Gives <paramref name="system"/> the mailbox's section, before it makes the first actor in it, if its configuration
    /// lacks it: a host's engine has it from hocon/trading.conf, an actor system a test or a benchmark made may not.
    /// </summary>
    public static void Install(ActorSystem system) => system.WithExtension<Installed, Installer>();

    // Breakers are made on many threads at once, and injecting a section is not safe to race (nor with Akka's own
    // extensions, which inject theirs): an extension is made once per actor system, whoever asks first, and injects
    // only where the configuration has no section.
    private sealed class Installed : IExtension;

    private sealed class Installer : ExtensionIdProvider<Installed>
    {
        public override Installed CreateExtension(ExtendedActorSystem system)
        {
            if (!system.Settings.Config.HasPath(Id))
                system.Settings.InjectTopLevelFallback(Section);
            return new Installed();
        }
    }
}

/// <summary>Made by Akka from <see cref="CompactMailbox.Id"/>'s section; it needs the constructor it calls.</summary>
internal sealed class CompactMailboxType(Settings settings, Config config)
    : MailboxType(settings, config), IProducesMessageQueue<CompactMessageQueue>
{
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactMessageQueue();
}

/// <summary>
/// Many senders, one reader (the actor). A quiet actor's messages wait in a few fields behind a lock: the oldest in
/// a field of its own, so an actor that gets one message at a time (most breakers, every connector of a quiet
/// exchange) never makes a buffer, and up to four more in a small ring. The first time more wait at once, the actor
/// is busy, and from then on its messages go through a <c>ConcurrentQueue</c> as in Akka's default mailbox: a lock
/// taken by every sender and the reader would cost a busy breaker a fifth of its throughput.
/// </summary>
internal sealed class CompactMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    private const int RingSize = 4;

    // Messages waiting before the actor turned busy: the oldest, then the rest in the ring from _head on.
    private Envelope _oldest;
    private Envelope[]? _ring;
    private int _head;
    private volatile int _count;
    private volatile ConcurrentQueue<Envelope>? _busy;
    // Messages the stash put back, read before the others; only the actor touches them.
    private Stack<Envelope>? _putBack;

    public bool HasMessages => _count > 0 || _busy?.IsEmpty == false || _putBack?.Count > 0;

    public int Count => _count + (_busy?.Count ?? 0) + (_putBack?.Count ?? 0);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        if (_busy is { } busy)
        {
            busy.Enqueue(envelope);
            return;
        }
        lock (this)
        {
            // Turned busy while this sender waited for the lock.
            if (_busy is { } turned)
                turned.Enqueue(envelope);
            else if (_count == 0)
                (_oldest, _count) = (envelope, 1);
            else if (_count <= RingSize)
            {
                (_ring ??= new Envelope[RingSize])[(_head + _count - 1) % RingSize] = envelope;
                _count++;
            }
            else
                TurnBusy(envelope);
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_putBack?.Count > 0)
        {
            envelope = _putBack.Pop();
            return true;
        }
        // The messages that waited before the actor turned busy come first; once it has, none are left here.
        if (_count > 0)
            lock (this)
            {
                if (_count > 0)
                {
                    envelope = TakeOldest();
                    return true;
                }
            }
        if (_busy is { } busy)
            return busy.TryDequeue(out envelope);
        envelope = default;
        return false;
    }

    public void EnqueueFirst(Envelope envelope) => (_putBack ??= new Stack<Envelope>()).Push(envelope);

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
            deadletters.Enqueue(owner, envelope);
    }

    private Envelope TakeOldest()
    {
        var oldest = _oldest;
        if (_count > 1)
        {
            _oldest = _ring![_head];
            _ring[_head] = default;
            _head = (_head + 1) % RingSize;
        }
        else
            _oldest = default;
        _count--;
        return oldest;
    }

    // Under the lock: the messages waiting move to the queue in their order, the new one behind them.
    private void TurnBusy(Envelope envelope)
    {
        var busy = new ConcurrentQueue<Envelope>();
        while (_count > 0)
            busy.Enqueue(TakeOldest());
        busy.Enqueue(envelope);
        _ring = null;
        _busy = busy;
    }
}
