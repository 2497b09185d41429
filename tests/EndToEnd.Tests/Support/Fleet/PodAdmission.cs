namespace Cockpit.EndToEnd.Tests.Support.Fleet;

/// <summary>How a simulated pod answers /job/start or /job/resume.</summary>
public enum PodAdmission
{
    Admitted,
    AlreadyRunning,
    Busy,
}
