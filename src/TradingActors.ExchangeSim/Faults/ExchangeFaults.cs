using System.Text.Json;
using Microsoft.Extensions.Logging;
using TradingActors.ExchangeSim.Hosting;

namespace TradingActors.ExchangeSim.Faults;

/// <summary>
/// The faults one exchange injects now, switchable at run time. Setting faults replaces the previous
/// ones whole; setting them for a duration clears them after it, unless they were replaced meanwhile.
/// </summary>
public sealed class ExchangeFaults
{
    private readonly Lock _gate = new();
    private readonly string _exchange;
    private readonly ExchangeServer _server;
    private readonly ILogger _log;
    private readonly CancellationToken _lifetime;
    private FaultSettings _current;
    private long _version;

    internal ExchangeFaults(string exchange, FaultSettings initial, ExchangeServer server, ILogger log, CancellationToken lifetime)
    {
        _exchange = exchange;
        _current = initial;
        _server = server;
        _log = log;
        _lifetime = lifetime;
    }

    /// <summary>The faults in force.</summary>
    public FaultSettings Current
    {
        get
        {
            lock (_gate)
                return _current;
        }
    }

    /// <summary>
    /// Raised after the faults in force changed, for what must follow a change at once rather than at its
    /// next request or frame: the user data sessions a drop closes. It reads <see cref="Current"/>, which
    /// is the latest faults even when two changes race.
    /// </summary>
    internal event Action? Changed;

    /// <summary>
    /// Puts <paramref name="faults"/> in force, for <paramref name="duration"/> if given. The task completes
    /// once the exchange's port is closed (outage) or open again (no outage).
    /// </summary>
    public Task SetAsync(FaultSettings faults, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        faults.Validate();
        if (duration is { } span)
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(duration));

        long version;
        lock (_gate)
        {
            _current = faults;
            version = ++_version;
        }
        _log.LogInformation("{Exchange}: faults {Faults}, lasting {Duration}", _exchange, Describe(faults), duration?.ToString() ?? "until replaced");
        Changed?.Invoke();
        if (duration is { } lasting)
            _ = ClearAfterAsync(version, lasting);
        return SettlePortAsync();
    }

    /// <summary>Ends every fault; the task completes once the exchange's port is open.</summary>
    public Task ClearAsync() => SetAsync(FaultSettings.None);

    /// <summary>For callers that cannot wait for the port, such as a request served on that very port.</summary>
    internal void SetInBackground(FaultSettings faults, TimeSpan? duration) => _ = LogFailureAsync(SetAsync(faults, duration));

    /// <summary>Opens or closes the exchange's port to match the outage fault now in force.</summary>
    internal Task SettlePortAsync() => _server.SettleAsync(() => Current.Outage);

    private async Task ClearAfterAsync(long version, TimeSpan duration)
    {
        try
        {
            await Task.Delay(duration, _lifetime);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            if (_version != version)
                return;
            _current = FaultSettings.None;
            _version++;
        }
        _log.LogInformation("{Exchange}: faults cleared after {Duration}", _exchange, duration);
        Changed?.Invoke();
        await LogFailureAsync(SettlePortAsync());
    }

    private async Task LogFailureAsync(Task settling)
    {
        try
        {
            await settling;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogError(e, "{Exchange}: the port could not follow the faults", _exchange);
        }
    }

    private static string Describe(FaultSettings faults) => JsonSerializer.Serialize(FaultSettingsHocon.Describe(faults));
}
