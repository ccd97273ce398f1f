namespace TradingActors.Configuration.Options;

/// <summary><c>alerts</c>: alerts on breaker openings and recoveries; null keeps the default.</summary>
public sealed class AlertsOptions
{
    public TimeSpan? Interval { get; set; }

    /// <summary>Empty: no webhook.</summary>
    public string? WebhookUrl { get; set; }

    public TimeSpan? WebhookTimeout { get; set; }
}
