using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TradingActors.ExchangeSim.Tests.Support;

/// <summary>HTTP/1.1 written by hand, for requests HttpClient will not send: a body that stops short, a query string left unencoded.</summary>
internal static class RawHttp
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends <paramref name="request"/> as it is and reads the response until the server closes the connection: its
    /// status, and its body as sent (plain for an HTTP/1.0 request, which gets no chunked encoding).
    /// </summary>
    public static async Task<(int Status, string Body)> SendAsync(SimulatedExchange exchange, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, exchange.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(Patience);
        return (int.Parse(response.Split(' ')[1]), response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
