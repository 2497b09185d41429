using Cockpit.Grains.Dispatch;
using FsCheck.Xunit;
using Shouldly;

namespace Cockpit.Grains.Tests.Dispatch;

/// <summary>The per-key counts kept as runs come and go are always the count of the runs themselves.</summary>
public sealed class RunningJobsProperties
{
    private static readonly string?[] Keys = [null, "tenant-a", "tenant-b", "tenant-c"];

    [Property(MaxTest = 500)]
    public void Counts_per_key_match_the_runs_after_any_sequence_of_changes(byte[] steps)
    {
        var running = new RunningJobs();
        var model = new Dictionary<Guid, RunningJob>();
        foreach (var step in steps)
        {
            var job = new Guid(step % 8, 0, 0, new byte[8]);
            switch (step / 8 % 4)
            {
                case 0 or 1:
                    var run = new RunningJob(Keys[step / 32 % Keys.Length], Guid.Empty, DateTimeOffset.MinValue);
                    running.Set(job, run);
                    model[job] = run;
                    break;
                case 2:
                    running.Remove(job);
                    model.Remove(job);
                    break;
                default:
                    if (step % 16 == 0)
                    {
                        running.Clear();
                        model.Clear();
                    }
                    break;
            }

            var expected = model.Values.Where(r => r.ConcurrencyKey is not null)
                .GroupBy(r => r.ConcurrencyKey!).ToDictionary(g => g.Key, g => g.Count());
            running.PerKey.OrderBy(p => p.Key).ShouldBe(expected.OrderBy(p => p.Key));
            running.Entries.Select(e => e.Key).OrderBy(id => id).ShouldBe(model.Keys.OrderBy(id => id));
        }
    }
}
