using System.Threading.Channels;
using Akka.Actor;
using TradingActors.Orders.UserData;
using Xunit.Sdk;

namespace TradingActors.IntegrationTests.Orders;

/// <summary>The transitions of a host's user data streams, watched from before the engine starts, so that its first subscription is seen too.</summary>
internal sealed class UserDataTransitions
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly Channel<UserDataStreamTransitioned> _transitions = Channel.CreateUnbounded<UserDataStreamTransitioned>();

    /// <summary>For <c>TradingHost.Build</c>'s set-up of the actor system.</summary>
    public void Watch(ActorSystem system) => system.EventStream.Subscribe(
        system.ActorOf(Props.Create(() => new TransitionRecorder(_transitions.Writer))), typeof(UserDataStreamTransitioned));

    /// <summary>Waits for the next transition to <paramref name="to"/>, past any other.</summary>
    public async Task NextAsync(UserDataState to)
    {
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            while ((await _transitions.Reader.ReadAsync(bound.Token)).To != to)
            {
            }
        }
        catch (OperationCanceledException)
        {
            throw new XunitException($"the user data stream did not become {to} within {Bound}");
        }
    }

    private sealed class TransitionRecorder : ReceiveActor
    {
        public TransitionRecorder(ChannelWriter<UserDataStreamTransitioned> transitions) =>
            Receive<UserDataStreamTransitioned>(transition => transitions.TryWrite(transition));
    }
}
