using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.TestKit;

namespace TradingActors.Tests.Breaker.Model;

/// <summary>
/// The parent of every breaker a model run starts, and the caller of all their requests. It is created at once
/// (a TestActorRef, on the calling thread), so the breakers it starts are too: a top-level actor would start on
/// the thread pool, after the first messages meant for it. A breaker that throws is stopped, and the run reports it.
/// </summary>
internal sealed class ModelHost
{
    private sealed record Start(Props Props, StrongBox<IActorRef> Child);

    public ModelHost(ActorSystem system)
    {
        Clock = (TestScheduler)system.Scheduler;
        Ref = new TestActorRef<Host>(system, Props.Create(() => new Host(this)));
    }

    public TestScheduler Clock { get; }

    public IActorRef Ref { get; }

    /// <summary>Every message the breaker told its callers during the current run, in order.</summary>
    public List<object> Told { get; } = new();

    public List<Exception> Failures { get; } = new();

    public void StartRun()
    {
        Told.Clear();
        Failures.Clear();
    }

    public IActorRef Spawn(Props props)
    {
        var child = new StrongBox<IActorRef>();
        Ref.Tell(new Start(props, child));
        return child.Value ?? throw new InvalidOperationException("the host did not start the actor");
    }

    public void Stop(IActorRef child) => Ref.Tell(new Stopping(child));

    private sealed record Stopping(IActorRef Child);

    private sealed class Host(ModelHost host) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Start start:
                    start.Child.Value = Context.ActorOf(start.Props);
                    break;
                case Stopping stopping:
                    Context.Stop(stopping.Child);
                    break;
                default:
                    host.Told.Add(message);
                    break;
            }
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(error =>
        {
            host.Failures.Add(error);
            return Directive.Stop;
        });
    }
}
