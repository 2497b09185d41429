namespace Cockpit.Storage.Tests.OrleansProviders;

public interface IReminderProbeGrain : IGrainWithGuidKey
{
    Task RegisterAsync(TimeSpan dueTime, TimeSpan period);

    Task UnregisterAsync();
}
