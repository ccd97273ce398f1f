using TradingActors.Configuration;
using TradingActors.Exchanges;
using TradingActors.ExchangeSim.Configuration;
using TradingActors.Node.Configuration;
using TradingActors.Node.Tests.Support;

namespace TradingActors.Node.Tests.Configuration;

public sealed class NodeConfigurationSpecs
{
    [Fact]
    public void The_admin_token_from_the_environment_wins_over_the_files()
    {
        var configuration = NodeConfiguration.FromText("test", TestConfigs.Quiet, withSimulator: true,
            environment: name => name == NodeSettings.AdminTokenVariable ? "from-the-environment" : null);

        Assert.Equal("from-the-environment", configuration.Node.AdminToken);
    }

    [Fact]
    public void A_bad_node_value_names_its_hocon_path()
    {
        var error = Assert.Throws<SettingsException>(() => NodeConfiguration.FromText("test",
            TestConfigs.Quiet + "\nnode.http.port = 70000", withSimulator: true, environment: _ => null));

        Assert.Equal("node.http.port", error.Path);
    }

    [Fact]
    public void The_first_node_of_a_cluster_is_in_cluster_mode_on_the_demos_cluster_port()
    {
        var configuration = NodeConfiguration.Load(null, withSimulator: true, _ => null, new NodeClustering(Join: null));
        var cluster = TradingSettings.From(configuration.Config).Cluster;

        Assert.True(configuration.Clustered);
        Assert.Equal((true, "127.0.0.1", 4053, 0), (cluster.Enabled, cluster.Hostname, cluster.Port, cluster.SeedNodes.Count));
        Assert.Equal(8088, configuration.Node.HttpPort);
    }

    [Fact]
    public void A_joining_node_names_its_seed_and_takes_a_free_cluster_port_and_a_free_http_port()
    {
        var configuration = NodeConfiguration.Load(null, withSimulator: false, _ => null, new NodeClustering("akka.tcp://trading@127.0.0.1:4053"));
        var cluster = TradingSettings.From(configuration.Config).Cluster;

        Assert.Equal(["akka.tcp://trading@127.0.0.1:4053"], cluster.SeedNodes);
        Assert.Equal((0, 0), (cluster.Port, configuration.Node.HttpPort));
    }

    [Fact]
    public void The_demos_exchanges_each_speak_their_own_protocol_and_so_do_their_simulated_venues_and_feeds()
    {
        var configuration = NodeConfiguration.Load(null, withSimulator: true, _ => null);
        var trading = TradingSettings.From(configuration.Config);

        Assert.Equal([(ExchangeProtocol.Binance, ExchangeDialect.Binance), (ExchangeProtocol.Bybit, ExchangeDialect.Bybit), (ExchangeProtocol.Kraken, ExchangeDialect.Kraken)],
            new[] { "binance", "bybit", "kraken" }.Select(exchange =>
                (trading.Endpoints[exchange].Protocol, configuration.Simulator!.Exchanges.Single(venue => venue.Name == exchange).Dialect)));
        Assert.Equal((ExchangeProtocol.Binance, ExchangeProtocol.Kraken), (trading.Feeds["binance"].Protocol, trading.Feeds["kraken"].Protocol));
    }

    [Fact]
    public void Without_cluster_flags_the_demo_node_runs_alone()
    {
        Assert.False(NodeConfiguration.Load(null, withSimulator: true, _ => null).Clustered);
    }

    [Fact]
    public void With_no_sim_a_configuration_without_endpoints_is_refused()
    {
        var error = Assert.Throws<NodeStartException>(() =>
            NodeConfiguration.FromText("test", TestConfigs.Quiet, withSimulator: false, environment: _ => null));

        Assert.Contains("--no-sim", error.Message);
    }
}
