using System.Net;
using System.Text;
using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

/// <summary>
/// Just enough of an OpenID Connect provider for a silo to start a sign-in against it: the discovery document and an
/// empty key set, over plain HTTP on loopback. Nobody signs in here; the tests check where the silo sends the browser.
/// </summary>
public sealed class FakeOidcProvider : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeOidcProvider()
    {
        Authority = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(Authority.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Authority { get; }

    public Uri AuthorizationEndpoint => new(Authority, "authorize");

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var body = path switch
            {
                "/.well-known/openid-configuration" => $$"""
                    {"issuer": "{{Authority.ToString().TrimEnd('/')}}", "authorization_endpoint": "{{AuthorizationEndpoint}}",
                     "token_endpoint": "{{new Uri(Authority, "token")}}", "jwks_uri": "{{new Uri(Authority, "jwks")}}",
                     "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"]}
                    """,
                "/jwks" => """{"keys": []}""",
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
