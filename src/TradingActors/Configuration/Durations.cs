using System.Globalization;

namespace TradingActors.Configuration;

/// <summary>Durations written the way the configuration writes them (250ms, 1.5s, 5m), for reasons people read.</summary>
internal static class Durations
{
    public static string Text(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0s",
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{duration.TotalDays:0}d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{duration.TotalHours:0}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{duration.TotalMinutes:0}m",
        _ when duration >= TimeSpan.FromSeconds(1) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s",
        _ => duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms",
    };

    /// <summary>A computed wait, such as a backoff with jitter, to the millisecond: "in 207ms", "in 2.372s".</summary>
    public static string Wait(TimeSpan wait) => Text(TimeSpan.FromMilliseconds(Math.Round(wait.TotalMilliseconds)));

    /// <summary>A moment as the node's log writes its own: local time of day to the millisecond.</summary>
    public static string TimeOfDay(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
