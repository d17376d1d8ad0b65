using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Issue 14 item 6: build and pack replace only their own two zips, by exact name; nothing else in the folder goes.</summary>
[TestClass]
public sealed class OutputFileTests
{
    [TestMethod]
    public void LqxPack_OutFolderHoldingOtherZips_KeepsThemAndReplacesOnlyItsOwn()
    {
        var folder = FolderWithUserFiles();
        try
        {
            var before = Snapshots.Of(folder);

            var (code, output) = TestHost.Lqx("pack", "--repo", TestHost.RepoRoot, "--out", folder);

            Assert.AreEqual(0, code, output);
            AssertOnlyOurZipsChanged(before, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task BuildPack_OutputFolderHoldingOtherZips_KeepsThemAndReplacesOnlyItsOwn()
    {
        var folder = FolderWithUserFiles();
        try
        {
            var before = Snapshots.Of(folder);
            var assemblies = BuiltSolution.ShippedAssemblyPaths(typeof(OutputFileTests).Assembly).SelectMany(p => new[] { "--assembly", p });

            var (code, error) = await TestHost.Packer(["pack", "--repo", TestHost.RepoRoot, "--output", folder, "--no-verify", .. assemblies]);

            Assert.AreEqual(0, code, error);
            AssertOnlyOurZipsChanged(before, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertOnlyOurZipsChanged(System.Collections.Generic.List<string> before, string folder)
    {
        var ours = new[] { TestHost.Packed.UnmanagedFileName, TestHost.Packed.ManagedFileName };
        var after = Snapshots.Of(folder);
        CollectionAssert.AreEqual(
            before.Where(line => !ours.Any(o => line.StartsWith(o + " ", StringComparison.Ordinal))).ToList(),
            after.Where(line => !ours.Any(o => line.StartsWith(o + " ", StringComparison.Ordinal))).ToList(),
            "a file the packer did not write was changed or deleted");
        CollectionAssert.AreEqual(TestHost.Packed.Unmanaged, File.ReadAllBytes(Path.Combine(folder, ours[0])));
        Assert.AreEqual(after.Count, Directory.GetFiles(folder).Length, "a temporary file was left behind");
    }

    /// <summary>A folder with a user's zips that match the old delete pattern, an older version of ours, and a stale copy of ours.</summary>
    private static string FolderWithUserFiles()
    {
        var folder = TestHost.NewFolder();
        File.WriteAllText(Path.Combine(folder, "LeadQualifyExtensions_0_9_0_0.zip"), "older version the user keeps");
        File.WriteAllText(Path.Combine(folder, "LeadQualifyExtensions_mine.zip"), "the user's own");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "notes");
        File.WriteAllText(Path.Combine(folder, TestHost.Packed.UnmanagedFileName), "stale copy of ours");
        return folder;
    }
}
