using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Sdk.Tests;

namespace LeadQualifyExtensions.Emulator.Tests.PublicApi;

/// <summary>
/// Holds the emulator's public surface to Emulator/api/emulator.txt, as tests/Sdk.Tests holds sdk/ to api.txt: a type or
/// member that appears, disappears or changes shape fails here until the listing is updated on purpose
/// (LQX_ACCEPT_API=1 dotnet test ... rewrites it).
/// </summary>
[TestClass]
public sealed class PublicApiTests
{
    private static string ListingPath => Path.Combine(RepoRoot(), "Emulator", "api", "emulator.txt");

    [TestMethod]
    public void PublicSurface_IsExactlyTheCommittedListing()
    {
        var actual = Render(typeof(XrmEmulator).Assembly);
        if (Environment.GetEnvironmentVariable("LQX_ACCEPT_API") == "1")
        {
            File.WriteAllText(ListingPath, actual);
        }

        var expected = File.ReadAllText(ListingPath).ReplaceLineEndings("\n");
        var added = Lines(actual).Except(Lines(expected), StringComparer.Ordinal).ToList();
        var removed = Lines(expected).Except(Lines(actual), StringComparer.Ordinal).ToList();
        Assert.IsTrue(
            added.Count == 0 && removed.Count == 0,
            "The emulator's public API changed. If intended, run the test with LQX_ACCEPT_API=1 and commit Emulator/api/emulator.txt."
            + "\nAdded:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
    }

    [TestMethod]
    public void PublicSurface_KeepsEngineInternalsInternal()
    {
        var exported = typeof(XrmEmulator).Assembly.GetExportedTypes().Select(t => t.FullName!).ToList();

        foreach (var engine in new[] { "Store.EntityStore", "Query.QueryEngine", "Pipeline.PluginPipeline", "Pipeline.PluginStepRegistry", "Messages.RequestExecutor", "Faults" })
        {
            CollectionAssert.DoesNotContain(exported, "LeadQualifyExtensions.Emulator." + engine);
        }

        Assert.IsFalse(exported.Any(name => name.StartsWith("LeadQualifyExtensions.Emulator.Sales.", StringComparison.Ordinal)), string.Join(", ", exported));
    }

    [TestMethod]
    public void Steps_IsAPlainList_SoLinqWorksOnIt()
    {
        var emulator = new XrmEmulator();
        emulator.RegisterStep<Pipeline.InstanceTracePlugin>("Create", "account");

        var names = emulator.Plugins.Steps.Select(step => step.Step.Message).ToList();

        CollectionAssert.AreEqual(new[] { "Create" }, names);
        Assert.IsTrue(emulator.Plugins.UnregisterStep(emulator.Plugins.Steps[0].Step.Id));
        Assert.IsEmpty(emulator.Plugins.Steps);
    }

    [TestMethod]
    public void Seed_TakesAList()
    {
        var emulator = new XrmEmulator();
        var rows = new List<Microsoft.Xrm.Sdk.Entity> { new("account") { ["name"] = "A" }, new("account") { ["name"] = "B" } };

        emulator.Seed(rows);

        CollectionAssert.AreEquivalent(new[] { "A", "B" }, emulator.All("account").Select(a => a.GetAttributeValue<string>("name")).ToList());
    }

    /// <summary>One line per public type ("type ...") followed by its members (indented), types and members sorted.</summary>
    internal static string Render(Assembly assembly)
    {
        var hidden = assembly.GetTypes().Where(t => !t.IsVisible).Select(t => SignatureFormatter.TypeName(t) + ".").ToList();
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.Name.Contains('<', StringComparison.Ordinal)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var inherited = type.BaseType?.GetInterfaces() ?? [];
            var interfaces = type.GetInterfaces().Where(i => i.IsVisible && !inherited.Contains(i)).OrderBy(i => i.FullName, StringComparer.Ordinal);
            lines.Add(SignatureFormatter.TypeModifiers(type) + " " + SignatureFormatter.TypeSignature(type, interfaces));
            var members = SignatureFormatter.Members(type)
                .Where(m => !m.Signature.Contains('<' + "Clone>$", StringComparison.Ordinal))
                .Where(m => m.Kind != "explicit" || !hidden.Any(h => m.Signature.Contains(h, StringComparison.Ordinal)))
                .Select(m => "  " + m.Kind + " " + (m.Modifiers.Length == 0 ? string.Empty : m.Modifiers + " ") + m.Signature)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string RepoRoot() =>
        typeof(PublicApiTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "LqxRepoRoot").Value!;
}
