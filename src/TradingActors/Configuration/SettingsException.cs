namespace TradingActors.Configuration;

/// <summary>A configuration value the engine cannot start with; the message names its HOCON path and echoes the value as written.</summary>
public sealed class SettingsException(string path, string? value, string problem)
    : Exception(value is null ? $"{path}: {problem}" : $"{path} = {Printable(value)}: {problem}")
{
    // Enough of a value to recognise it; a whole file swallowed by an open quote, or a binary one, is not echoed whole.
    private const int EchoedLength = 60;

    public string Path { get; } = path;
    public string? Value { get; } = value;

    /// <summary>What is wrong with it, without the path and the value.</summary>
    public string Problem { get; } = problem;

    /// <summary>
    /// <paramref name="value"/> as it can be shown on a terminal: on one line, without control characters (which
    /// could move its cursor or change its colours), and cut short when long.
    /// </summary>
    public static string Printable(string value)
    {
        var line = string.Concat(value.Select(c => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => " ",
            _ when char.IsControl(c) || c == '\uFFFD' => "?",
            _ => c.ToString(),
        }));
        return line.Length <= EchoedLength ? line : line[..EchoedLength] + "...";
    }
}
