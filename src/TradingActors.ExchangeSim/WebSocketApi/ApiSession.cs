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
internal sealed class ApiSession(HttpContext context, ApiRequests requests, Market market) : IOrderUpdateSubscriber
{
    // A client this far behind is disconnected, and so learns of its gap, rather than silently losing fills.
    private const int OutboxCapacity = 10_000;

    private readonly SocketOutbox<Frame> _outbox = new(context, OutboxCapacity, BoundedChannelFullMode.Wait);
    private readonly Lock _gate = new();
    private readonly Subscriptions _subscriptions = new();

    private abstract record Frame;

    private sealed record TextFrame(string Json) : Frame;

    private sealed record EventFrame(int SubscriptionId, OrderUpdate Update) : Frame;

    public void Offer(OrderUpdate update)
    {
        lock (_gate)
            if (_subscriptions.Of(update.Order.ApiKey) is { } subscriptionId)
                _outbox.Offer(new EventFrame(subscriptionId, update));
    }

    public void Drop() => _outbox.Abort();

    public Task ServeAsync(WebSocket socket, CancellationToken stopping) => _outbox.ServeAsync(socket, Answer, Render, () =>
    {
        // Once the client is gone nothing more is offered, so a refused frame can only mean a full outbox.
        lock (_gate)
            _subscriptions.Stop(subscriptionId: null);
    }, stopping);

    private void Answer(byte[] request)
    {
        lock (_gate)
            foreach (var json in requests.Answer(request, _subscriptions))
                _outbox.Offer(new TextFrame(json));
    }

    private string Render(Frame frame) => frame switch
    {
        TextFrame text => text.Json,
        EventFrame report => UserDataEventJson.ExecutionReport(
            report.SubscriptionId, report.Update, market.Symbol(report.Update.Order.Request.Symbol)),
        _ => throw new InvalidOperationException($"Unknown frame {frame}."),
    };
}
