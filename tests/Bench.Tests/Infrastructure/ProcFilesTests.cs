using Cockpit.Bench.Infrastructure;
using Cockpit.Bench.Results;

namespace Cockpit.Bench.Tests.Infrastructure;

public sealed class ProcFilesTests
{
    [Fact]
    public void Resident_memory_comes_from_VmRSS_and_the_peak_from_VmHWM()
    {
        var sample = ResidentMemory.Parse("Name:\tdotnet\nVmPeak:\t 9999999 kB\nVmHWM:\t  2097152 kB\nVmRSS:\t  1048576 kB\nThreads:\t42\n");
        sample.ShouldNotBeNull();
        sample.ResidentMb.ShouldBe(1024);
        sample.PeakResidentMb.ShouldBe(2048);
    }

    [Fact]
    public void Status_without_memory_lines_gives_nothing() => ResidentMemory.Parse("Name:\tzombie\nState:\tZ\n").ShouldBeNull();

    [Theory]
    // utime 250 + stime 130 ticks = 3.8 s; the command name may hold spaces and parentheses.
    [InlineData("4242 (postgres) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 130 0 0 20 0 1 0 100 200000 300 18446744073709551615", "postgres", 3.8)]
    [InlineData("77 (.NET TP (Worker)) R 1 77 77 0 -1 0 0 0 0 0 1 2 0 0 20 0 9 0 5 6 7 8", null, 0.03)]
    public void Cpu_time_is_user_plus_system_ticks_after_the_command(string stat, string? command, double seconds) =>
        CpuTime.Parse(stat, command).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("4242 (postgres) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 130 0 0", "dotnet")]
    [InlineData("4242 (postgres) S 1 2", null)]
    [InlineData("garbage", null)]
    public void Another_command_or_a_short_line_gives_nothing(string stat, string? command) => CpuTime.Parse(stat, command).ShouldBeNull();

    [Fact]
    public void Reads_the_three_load_averages() =>
        MachineInfo.LoadAverageFrom("4.75 2.82 2.34 3/512 12345\n").ShouldBe([4.75, 2.82, 2.34]);

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("1.0 x 2.0 1/2 3")]
    public void Unreadable_load_averages_are_empty(string text) => MachineInfo.LoadAverageFrom(text).ShouldBeEmpty();

    [Fact]
    public void Reads_the_cpu_model_and_total_memory()
    {
        MachineInfo.CpuModelFrom("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n").ShouldBe("AMD EPYC 7B13");
        MachineInfo.CpuModelFrom("processor\t: 0\n").ShouldBe("unknown");
        MachineInfo.MemoryTotalMbFrom("MemTotal:       24684544 kB\nMemFree: 1 kB\n").ShouldBe(24_106);
    }

    [Fact]
    public void Modes_are_quick_by_default_and_full_on_request()
    {
        BenchSettings.For("").ShouldBeSameAs(BenchSettings.Quick);
        BenchSettings.For(" Quick ").ShouldBeSameAs(BenchSettings.Quick);
        BenchSettings.For("full").ScaleFleets.ShouldBe([100_000, 1_000_000]);
        BenchSettings.Quick.ScaleFleets.ShouldBe([20_000]);
        Should.Throw<ArgumentException>(() => BenchSettings.For("turbo")).Message.ShouldContain("quick or full");
    }
}
