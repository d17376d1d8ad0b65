using LeadQualifyExtensions.Cli.Bench;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed class ConcurrencyStressTests
{
    // Small and fixed for CI; `lqx bench --stress SECONDS` runs the same workload longer.
    private static readonly StressBudget CiBudget = new(Threads: 4, RequestsPerThread: 60, Seconds: 30);

    [TestMethod]
    public void Run_FourThreadsWithOurPlugins_EveryInvariantHolds()
    {
        var report = ConcurrencyStress.Run(CiBudget, TestPaths.Solution.Zip());

        Assert.IsEmpty(report.Violations, string.Join("\n", report.Violations));
        Assert.IsGreaterThan(0, report.Succeeded);
        Assert.IsGreaterThan(0, report.Faulted, "the workload includes refused creates");
        Assert.IsGreaterThan(0, report.Qualified, string.Join("\n", report.FaultMessages));
    }

    [TestMethod]
    public void Run_BareEmulator_EveryInvariantHolds()
    {
        var report = ConcurrencyStress.Run(CiBudget, []);

        Assert.IsEmpty(report.Violations, string.Join("\n", report.Violations));
        Assert.AreEqual(CiBudget.Threads * CiBudget.RequestsPerThread, report.Requests);
    }
}
