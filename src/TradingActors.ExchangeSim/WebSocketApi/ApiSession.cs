using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using TradingActors.ExchangeSim.Hosting;
using TradingActors.ExchangeSim.Trading;

namespace TradingActors.ExchangeSim.WebSocketApi;

/// <summary>
/// One client's WebSocket API connection: its requests, answered in order, and the user data events of the
/// accounts it subscribed to. Requests are answered under the lock that events are offered under, so a
/// subscription's reply goes out before its first event and an unsubscription's reply after its last.
/// </summary>
internal sealed class ApiSession(HttpContext context, ApiRequests requests, Market market)
{
    // A client this far behind is disconnected, and so learns of its gap, rather than silently losing fills.
    private const int OutboxCapacity = 10_000;

    private readonly Channel<Frame> _outbox = Channel.CreateBounded<Frame>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Subscriptions _subscriptions = new();

    private abstract record Frame;

    private sealed record TextFrame(string Json) : Frame;

    private sealed record EventFrame(int SubscriptionId, OrderUpdate Update) : Frame;

    public void Offer(OrderUpdate update)
    {
        lock (_gate)
            if (_subscriptions.Of(update.Order.ApiKey) is { } subscriptionId)
                Queue(new EventFrame(subscriptionId, update));
    }

    /// <summary>Closes the connection at once, without a close frame, as a network failure would.</summary>
    public void Drop() => context.Abort();

    public async Task ServeAsync(WebSocket socket, CancellationToken stopping)
    {
        var sending = SendAsync(socket, stopping);
        var closedByClient = await WebSocketText.ReceiveAsync(socket, Answer, stopping);
        lock (_gate)
        {
            // Once the client is gone nothing more is offered, so a refused frame can only mean a full outbox.
            _subscriptions.Stop(subscriptionId: null);
            _outbox.Writer.TryComplete();
        }
        await sending;
        await WebSocketText.FinishAsync(context, socket, closedByClient);
    }

    private void Answer(byte[] request)
    {
        lock (_gate)
            foreach (var json in requests.Answer(request, _subscriptions))
                Queue(new TextFrame(json));
    }

    private void Queue(Frame frame)
    {
        if (!_outbox.Writer.TryWrite(frame))
            Drop();
    }

    private async Task SendAsync(WebSocket socket, CancellationToken stopping)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(stopping))
                await WebSocketText.SendAsync(socket, Render(frame), stopping);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            context.Abort();
        }
    }

    private string Render(Frame frame) => frame switch
    {
        TextFrame text => text.Json,
        EventFrame report => UserDataEventJson.ExecutionReport(
            report.SubscriptionId, report.Update, market.Symbol(report.Update.Order.Request.Symbol)),
        _ => throw new InvalidOperationException($"Unknown frame {frame}."),
    };
}
