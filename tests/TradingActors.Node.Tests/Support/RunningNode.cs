using TradingActors.Node.Configuration;

namespace TradingActors.Node.Tests.Support;

/// <summary>A demo node started in-process for one test, with an HTTP client on its loopback port.</summary>
public abstract class RunningNode : IAsyncLifetime
{
    protected DemoNode Node { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var configuration = NodeConfiguration.FromText("test", TestConfigs.WithOwnLedger(TestConfigs.Quiet), withSimulator: true, environment: _ => null);
        Node = await DemoNode.StartAsync(configuration);
        Http = new HttpClient { BaseAddress = Node.HttpAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Node.DisposeAsync();
    }

    protected Task<HttpResponseMessage> Admin(string exchange, string command, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/exchanges/{exchange}/{command}");
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return Http.SendAsync(request);
    }
}
