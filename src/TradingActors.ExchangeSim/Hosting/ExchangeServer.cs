using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>
/// The Kestrel instance behind one exchange. An outage really closes the port: the instance is stopped,
/// and a new one is started on the same port when the outage ends, so clients see connections refused
/// and then the exchange back at the same address.
/// </summary>
internal sealed class ExchangeServer(string exchange, Func<int, WebApplication> build, ILogger log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;
    private bool _stopped;

    /// <summary>The port, fixed by the first start; it stays the same across outages.</summary>
    public int Port { get; private set; }

    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        // Started even when the exchange begins in an outage: an ephemeral port is only known once bound.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ListenAsync(port, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Opens or closes the port to match the outage fault. Calls queue up and each asks
    /// <paramref name="inOutage"/> only once its turn comes, so the last call follows the latest faults.
    /// </summary>
    public async Task SettleAsync(Func<bool> inOutage)
    {
        await _gate.WaitAsync();
        try
        {
            var listen = !_stopped && !inOutage();
            if (listen && _app is null)
            {
                await ListenAsync(Port, CancellationToken.None);
                log.LogInformation("{Exchange}: outage over, listening again on port {Port}", exchange, Port);
            }
            else if (!listen && _app is not null)
            {
                await CloseAsync();
                log.LogInformation("{Exchange}: outage, port {Port} closed", exchange, Port);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _stopped = true;
            if (_app is not null)
                await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ListenAsync(int port, CancellationToken cancellationToken)
    {
        var app = build(port);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new IOException(
                $"{exchange} cannot listen on 127.0.0.1:{port}: the port is already in use. Stop what holds it, or give the exchange another port (0 picks a free one).", e);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        _app = app;
        Port = new Uri(app.Urls.Single()).Port;
    }

    private async Task CloseAsync()
    {
        var app = _app!;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
