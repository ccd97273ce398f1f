using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace TradingActors.Breaker;

/// <summary>
/// The mailbox of every breaker and of its connector. Akka's default mailbox is a <c>ConcurrentQueue</c>, which
/// takes about 1 KB the moment it is made (its first segment holds 32 messages); two per exchange were a third
/// of what a breaker costs, and a host may run thousands of breakers, most of them quiet. This one holds its
/// messages in a plain queue behind a lock, which starts empty, grows with the messages waiting, and gives
/// the room back once a burst has been read. It is unbounded like the default and keeps the stash's
/// semantics (messages put back in front), which the breaker needs in cluster mode.
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
    /// Gives <paramref name="system"/> the mailbox's section, before it makes the first actor in it: so it works in any
    /// actor system, with the engine's configuration or without.
    /// </summary>
    public static void Install(ActorSystem system) => system.WithExtension<Installed, Installer>();

    // Breakers are made on many threads at once, and injecting a section is not safe to race: an extension is made
    // once per actor system, whoever asks first.
    private sealed class Installed : IExtension;

    private sealed class Installer : ExtensionIdProvider<Installed>
    {
        public override Installed CreateExtension(ExtendedActorSystem system)
        {
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

/// <summary>Many senders, one reader (the actor); the lock is held for a copy of one envelope.</summary>
internal sealed class CompactMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    // A queue that grew past this for a burst is given back its room once the burst is read.
    private const int KeptRoom = 32;

    private readonly Queue<Envelope> _queue = new();
    // Messages the stash put back, read before the queue; only the actor touches them.
    private Stack<Envelope>? _putBack;
    private volatile int _count;
    private int _mostWaiting;

    public bool HasMessages => _count > 0 || _putBack?.Count > 0;

    public int Count => _count + (_putBack?.Count ?? 0);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_queue)
        {
            _queue.Enqueue(envelope);
            _count = _queue.Count;
            if (_count > _mostWaiting)
                _mostWaiting = _count;
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_putBack?.Count > 0)
        {
            envelope = _putBack.Pop();
            return true;
        }
        if (_count == 0)
        {
            envelope = default;
            return false;
        }
        lock (_queue)
        {
            if (!_queue.TryDequeue(out envelope))
                return false;
            _count = _queue.Count;
            if (_count == 0 && _mostWaiting > KeptRoom)
            {
                _queue.TrimExcess();
                _mostWaiting = 0;
            }
            return true;
        }
    }

    public void EnqueueFirst(Envelope envelope) => (_putBack ??= new Stack<Envelope>()).Push(envelope);

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
            deadletters.Enqueue(owner, envelope);
    }
}
