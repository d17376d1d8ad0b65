using System;
using System.IO;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Issue 14 item 5: every zip is read within bounds (entries, sizes, ratio); verify flags absolute and ../ entries.</summary>
[TestClass]
public sealed class ZipInputTests
{
    [TestMethod]
    public void Verify_SmallZipInflatingToGigabytes_RefusedByRatio()
    {
        var (code, output, unchanged) = VerifyInFolder(Bomb());

        Assert.AreEqual(1, code, output);
        Assert.Contains("inflates to more than 100 times its compressed size", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Import_SmallZipInflatingToGigabytes_RefusedAndNothingRegistered()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(new MemoryStream(Bomb())));

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains("inflates to more than 100 times", error.Message);
        Assert.IsLessThan(64L * 1024 * 1024, allocated, $"{allocated} bytes allocated before the bomb was refused");
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Run_SolutionZipBomb_SetupFailsWithTheReason()
    {
        var folder = TestHost.NewFolder();
        try
        {
            var zip = Path.Combine(folder, "bomb.zip");
            File.WriteAllBytes(zip, Bomb());
            var scenario = Path.Combine(folder, "one.json");
            File.WriteAllText(scenario, """{ "name": "any", "steps": [ { "count": { "table": "lead", "equals": 0 } } ] }""");
            var before = Snapshots.Of(folder);

            var (code, output) = TestHost.Lqx("run", "--solution", zip, scenario);

            Assert.AreEqual(1, code, output);
            Assert.Contains("inflates to more than 100 times", output);
            CollectionAssert.AreEqual(before, Snapshots.Of(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Verify_MoreEntriesThanASolutionHas_Refused()
    {
        var entries = Enumerable.Range(0, SafeZip.MaxEntries + 1).Select(i => ($"filler/{i}.xml", "<a/>"u8.ToArray()));

        var (code, output, unchanged) = VerifyInFolder(HostileZips.Zip(entries));

        Assert.AreEqual(1, code, output);
        Assert.Contains($"The zip has {SafeZip.MaxEntries + 1} entries; at most {SafeZip.MaxEntries} are read.", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Import_EntryClaimingTwoGigabytes_RefusedBeforeInflating()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var zip = HostileZips.ClaimingSize(TestHost.SolutionZip, int.MaxValue);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(new MemoryStream(zip)));

        Assert.Contains("per entry", error.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Verify_EntriesClaimingMoreThanTheTotalBound_Refused()
    {
        // Five entries of 60 MB each: every one under the per-entry bound, together over the total.
        var entries = Enumerable.Range(0, 5).Select(i => ($"part{i}.bin", new byte[] { 1 }));
        var zip = HostileZips.ClaimingSize(HostileZips.Zip(entries), 60 * 1024 * 1024);

        var (code, output, unchanged) = VerifyInFolder(zip);

        Assert.AreEqual(1, code, output);
        Assert.Contains("in total", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Verify_DevZero_RefusedAsTooLarge()
    {
        var (code, output) = TestHost.Lqx("verify", "--repo", TestHost.RepoRoot, "/dev/zero");

        Assert.AreEqual(1, code, output);
        Assert.Contains("is larger than 64 MB", output);
    }

    [TestMethod]
    public void Verify_EntryClimbingOutWithDotDot_Flagged()
    {
        var zip = HostileZips.WithEntry(TestHost.SolutionZip, "../../outside.xml", "<a/>"u8.ToArray());

        var (code, output, unchanged) = VerifyInFolder(zip);

        Assert.AreEqual(1, code, output);
        Assert.Contains("'../../outside.xml' climbs out of the zip's root", output);
        Assert.IsTrue(unchanged);
    }

    [TestMethod]
    public void Verify_EntryWithAbsolutePath_Flagged()
    {
        var zip = HostileZips.WithEntry(TestHost.SolutionZip, "/etc/cron.d/evil", "x"u8.ToArray());

        var (code, output, unchanged) = VerifyInFolder(zip);

        Assert.AreEqual(1, code, output);
        Assert.Contains("'/etc/cron.d/evil' has an absolute path", output);
        Assert.IsTrue(unchanged);
    }

    /// <summary>A 10 MB entry of zeros beside the solution's files: a few kilobytes on disk.</summary>
    private static byte[] Bomb() => HostileZips.WithEntry(TestHost.SolutionZip, "Assets/zeros.bin", new byte[10 * 1024 * 1024]);

    private static (int Code, string Output, bool Unchanged) VerifyInFolder(byte[] zip)
    {
        var folder = TestHost.NewFolder();
        try
        {
            var path = Path.Combine(folder, "input.zip");
            File.WriteAllBytes(path, zip);
            var before = Snapshots.Of(folder);
            var (code, output) = TestHost.Lqx("verify", "--repo", TestHost.RepoRoot, path);
            return (code, output, before.SequenceEqual(Snapshots.Of(folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
