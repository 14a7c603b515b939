using BenchmarkDotNet.Running;
using BRVT.Dti.Benchmarks;

// `profile <workload>` times the phases of a workload with a stopwatch (see Profile.cs); anything else goes to BenchmarkDotNet.
if (args is ["profile", .. var rest])
{
    Profile.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
