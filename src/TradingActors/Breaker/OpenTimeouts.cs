using TradingActors.Configuration;

namespace TradingActors.Breaker;

/// <summary>
/// How long each opening lasts: every consecutive opening (from Closed or from HalfOpen) lasts
/// <c>open-timeout-factor</c> times the one before, up to <c>max-open-timeout</c>, spread by the
/// jitter so that many breakers opened together do not half-open together. The growth starts over
/// once the breaker has stayed Closed for <c>stable-period</c>.
/// </summary>
internal sealed class OpenTimeouts(BreakerSettings settings, Random random)
{
    private int _openings;

    /// <summary>Consecutive openings since the breaker last stayed Closed for the stable period.</summary>
    public int Openings => _openings;

    public TimeSpan Next()
    {
        var spread = Backoff.Wait(settings.OpenTimeout, settings.OpenTimeoutFactor, _openings++, settings.MaxOpenTimeout,
            settings.OpenTimeoutJitter, random);
        // The cap holds after the jitter too: no opening lasts longer than max-open-timeout.
        return spread < settings.MaxOpenTimeout ? spread : settings.MaxOpenTimeout;
    }

    public void StartOver() => _openings = 0;

    /// <summary>Counts on from where a breaker on another node left off.</summary>
    public void Resume(int openings) => _openings = openings;
}
