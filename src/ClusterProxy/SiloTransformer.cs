using Yarp.ReverseProxy.Forwarder;

namespace Cockpit.ClusterProxy;

/// <summary>YARP's default header handling, plus X-Cockpit-Silo on every answer so people and tests see which silo served it.</summary>
public sealed class SiloTransformer(string siloName) : HttpTransformer
{
    public const string SiloHeader = "X-Cockpit-Silo";

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is not null) httpContext.Response.Headers[SiloHeader] = siloName;
        return copyBody;
    }
}
