namespace TradingActors.ExchangeSim.Configuration;

/// <summary>A HOCON value the simulator cannot use; the message names its path and the value found there.</summary>
public sealed class SimulatorConfigurationException : Exception
{
    public SimulatorConfigurationException(string path, string value, string expected)
        : base($"{path} = '{value}' is invalid: expected {expected}.")
    {
        Path = path;
        Value = value;
    }

    private SimulatorConfigurationException(string message, Exception parserError) : base(message, parserError)
    {
        Path = "";
        Value = "";
    }

    /// <summary>The path of the bad value; empty when the text is not HOCON at all.</summary>
    public string Path { get; }

    /// <summary>The bad value as written.</summary>
    public string Value { get; }

    // Akka's HOCON parser (the one the engine reads its configuration with) refuses a comma after an object
    // written without '=', which the HOCON specification allows; the message says how to write it instead.
    internal static SimulatorConfigurationException Unparsable(Exception parserError) => new(
        $"The text is not HOCON that Akka can read: {parserError.Message.TrimEnd()}\n" +
        "(Akka's parser needs '=' before an object that a comma follows: write 'symbols = { ... }, weight-limit ...'.)",
        parserError);
}
