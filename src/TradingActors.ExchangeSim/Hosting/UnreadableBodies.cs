using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TradingActors.ExchangeSim.Hosting;

/// <summary>
/// A request body that stops arriving, or that is not valid HTTP, is the client's doing, and Kestrel has chosen its
/// answer already (408, 400): the client gets that answer and the log one line, not an unhandled exception's stack trace.
/// </summary>
internal sealed class UnreadableBodies(RequestDelegate next, ILoggerFactory loggers, string exchange)
{
    private readonly ILogger _log = loggers.CreateLogger("TradingActors.ExchangeSim");

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e)
        {
            if (!context.Response.HasStarted)
                context.Response.StatusCode = e.StatusCode;
            _log.LogInformation("{Exchange}: {Method} {Path} answered {Status}: {Reason}",
                exchange, context.Request.Method, context.Request.Path, e.StatusCode, e.Message);
        }
    }
}
