// Each test starts silos and agents as processes; on a 2-core machine running them side by side only adds noise.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
