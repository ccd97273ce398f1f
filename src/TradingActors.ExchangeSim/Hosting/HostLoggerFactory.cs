using Microsoft.Extensions.Logging;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>
/// The simulator's loggers, as an exchange's web host gets them, less the host's own report of a failed start:
/// that failure reaches whoever started the simulator as the exception it throws, which names the port, and a
/// logged stack trace beside it would only bury that message.
/// </summary>
internal sealed class HostLoggerFactory(ILoggerFactory simulator) : ILoggerFactory
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public ILogger CreateLogger(string categoryName) =>
        categoryName == HostCategory ? new WithoutStartFailure(simulator.CreateLogger(categoryName)) : simulator.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => simulator.AddProvider(provider);

    // The simulator's factory belongs to whoever passed it in, and outlives every exchange's host.
    public void Dispose()
    {
    }

    private sealed class WithoutStartFailure(ILogger host) : ILogger
    {
        // Microsoft.Extensions.Hosting's event "Hosting failed to start".
        private const int StartFailed = 11;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => host.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => host.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != StartFailed)
                host.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
