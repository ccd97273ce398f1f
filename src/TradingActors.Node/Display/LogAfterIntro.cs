using Serilog.Core;
using Serilog.Events;

namespace TradingActors.Node.Display;

/// <summary>
/// Holds the engine's log lines written while the node starts (its feeds connect before the node knows its
/// own addresses) and writes them once the intro has been printed, so that the intro comes first.
/// </summary>
internal sealed class LogAfterIntro(ILogEventSink log) : ILogEventSink
{
    private readonly Lock _gate = new();
    private List<LogEvent>? _held = [];

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_held is not null)
            {
                _held.Add(logEvent);
                return;
            }
        }
        log.Emit(logEvent);
    }

    /// <summary>Writes what was held, and everything after it as it comes.</summary>
    public void Release()
    {
        lock (_gate)
        {
            foreach (var held in _held ?? [])
                log.Emit(held);
            _held = null;
        }
    }
}
