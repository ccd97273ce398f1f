namespace TradingActors.Configuration;

/// <summary>A configuration value the engine cannot start with; the message names its HOCON path.</summary>
public sealed class SettingsException(string path, string? value, string problem)
    : Exception(value is null ? $"{path}: {problem}" : $"{path} = {value}: {problem}")
{
    public string Path { get; } = path;
    public string? Value { get; } = value;
}
