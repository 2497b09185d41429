using Cockpit.TestSupport;

namespace Cockpit.EndToEnd.Tests.Support;

public static class GraphQLSubscriberExtensions
{
    /// <summary>
    /// The protocol has no acknowledgement of a subscription, so: creates probe jobs through <paramref name="via"/>
    /// until the <c>jobChanged</c> subscription <paramref name="label"/> hears of one (then deletes it). Every
    /// subscription of this socket was sent with it, so they are listening too.
    /// </summary>
    public static async Task WaitUntilLiveAsync(this GraphQLSubscriber subscriber, CockpitClient via, string label)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var probe = await via.CreateJobAsync(new { prompt = "subscription probe" });
            try
            {
                await subscriber.WaitForAsync(label, c => (string?)c["id"] == probe.ToString(), TimeSpan.FromSeconds(2), "a probe job");
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: try again with a new probe.
            }
            finally
            {
                (await via.SendAsync(HttpMethod.Delete, $"/api/jobs/{probe}")).Status.ShouldBe(System.Net.HttpStatusCode.NoContent);
            }
        }
    }
}
