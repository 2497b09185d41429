using System.Net;
using System.Net.Sockets;
using Cockpit.AgentBridge.Outbound;
using Polly;
using Polly.Timeout;
using Shouldly;
using Xunit;

namespace Cockpit.AgentBridge.Tests.Outbound;

/// <summary>
/// The retry rule on the exception shapes SocketsHttpHandler produces, including the ones loopback cannot provoke
/// on demand (a connect timeout needs a peer that drops SYNs).
/// </summary>
public sealed class PushRetryPolicyTests
{
    /// <summary>What SocketsHttpHandler throws when ConnectTimeout expires.</summary>
    private static Exception ConnectTimeout() =>
        new TaskCanceledException("The operation was canceled.", new TimeoutException("A connection could not be established within the configured ConnectTimeout."));

    private static Exception Refused() =>
        new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (10.0.0.1:8001)", new SocketException((int)SocketError.ConnectionRefused));

    public static TheoryData<string, Exception, bool, bool> Failures => new()
    {
        // name, exception, retried for POST, retried for GET
        { "connection refused", Refused(), true, true },
        { "name resolution", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"), true, true },
        { "connect timeout", ConnectTimeout(), true, true },
        { "attempt timeout after sending", new TimeoutRejectedException("timed out", TimeSpan.FromSeconds(5)), false, true },
        { "connection closed mid-answer", new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), false, true },
        { "reset mid-request", new HttpRequestException(HttpRequestError.Unknown, "reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))), false, true },
        { "malformed answer", new HttpRequestException(HttpRequestError.InvalidResponse, "bad"), false, true },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void POST_is_retried_only_when_nothing_reached_the_pod_and_GET_on_any_transient_failure(string name, Exception failure, bool post, bool get)
    {
        PushRetryPolicy.ShouldRetry(HttpMethod.Post, Outcome.FromException<HttpResponseMessage>(failure)).ShouldBe(post, name);
        PushRetryPolicy.ShouldRetry(HttpMethod.Get, Outcome.FromException<HttpResponseMessage>(failure)).ShouldBe(get, name);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, false, false)]
    [InlineData(HttpStatusCode.Conflict, false, false)]
    [InlineData(HttpStatusCode.NotFound, false, false)]
    [InlineData(HttpStatusCode.RequestTimeout, false, true)]
    [InlineData(HttpStatusCode.TooManyRequests, false, true)]
    [InlineData(HttpStatusCode.InternalServerError, false, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, true)]
    public void Answers_are_retried_only_for_GET_and_only_when_transient(HttpStatusCode code, bool post, bool get)
    {
        using var response = new HttpResponseMessage(code);

        PushRetryPolicy.ShouldRetry(HttpMethod.Post, Outcome.FromResult(response)).ShouldBe(post);
        PushRetryPolicy.ShouldRetry(HttpMethod.Get, Outcome.FromResult(response)).ShouldBe(get);
    }

    [Fact]
    public void An_unknown_method_is_treated_as_unsafe()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        PushRetryPolicy.ShouldRetry(null, Outcome.FromResult(response)).ShouldBeFalse();
        PushRetryPolicy.ShouldRetry(null, Outcome.FromException<HttpResponseMessage>(Refused())).ShouldBeTrue();
    }

    [Fact]
    public void Failures_are_described_in_words_a_person_reads()
    {
        var connect = TimeSpan.FromSeconds(2.5);

        PushFailures.Describe(Refused(), connect).ShouldBe("connection refused");
        PushFailures.Describe(ConnectTimeout(), connect).ShouldBe("could not connect within 2.5 s");
        PushFailures.Describe(new TimeoutRejectedException("x", TimeSpan.FromSeconds(5)), connect).ShouldBe("no answer within 5 s");
        PushFailures.Describe(new HttpRequestException(HttpRequestError.ConnectionError, "x", new SocketException((int)SocketError.HostUnreachable)), connect).ShouldBe("host unreachable");
        PushFailures.Describe(new HttpRequestException(HttpRequestError.ResponseEnded, "x"), connect).ShouldBe("the connection closed before a full answer");
    }
}
