using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

/// <summary>The web resources (built from Solution/WebResources) and the lead's ribbon diff, packed and verified.</summary>
[TestClass]
public sealed class WebResourceTests
{
    private const string Customizations = "customizations.xml";
    private static readonly string[] Names = ["lqx_LeadCommands.js", "lqx_PolicyConfiguration.html", "lqx_PolicyConfiguration.js"];

    private static byte[] Good => TestInputs.Packed.Unmanaged;

    [TestMethod]
    public void Pack_WebResources_ShipWithNameIdsTypeAndTheirBuiltFile()
    {
        var entries = ZipEditing.Entries(Good);
        var resources = ZipEditing.Xml(Good, Customizations).Element("WebResources")!.Elements("WebResource").ToList();

        CollectionAssert.AreEqual(Names, resources.Select(r => (string)r.Element("Name")!).ToArray());
        foreach (var resource in resources)
        {
            var name = (string)resource.Element("Name")!;
            var id = ComponentIds.WebResource(name);
            Assert.AreEqual(id, Guid.Parse((string)resource.Element("WebResourceId")!), name);
            Assert.AreEqual(name.EndsWith(".js", StringComparison.Ordinal) ? "3" : "1", (string)resource.Element("WebResourceType")!, name);
            var path = ((string)resource.Element("FileName")!).TrimStart('/');
            Assert.AreEqual($"WebResources/{name.Replace(".", string.Empty, StringComparison.Ordinal)}{id.ToString().ToUpperInvariant()}", path, "the name without its dot, then the id");
            var built = TestInputs.Workspace.RepoRoot + (name.EndsWith(".html", StringComparison.Ordinal)
                ? "/Solution/WebResources/src/policy/" + name
                : "/Solution/WebResources/bin/" + name);
            CollectionAssert.AreEqual(File.ReadAllBytes(built), entries[path], name);
        }
    }

    [TestMethod]
    public void Pack_WebResourcesAndLeadShell_AreRootComponentsWithContentTypes()
    {
        var roots = ZipEditing.Xml(Good, "solution.xml").Descendants("RootComponent").ToList();
        var contentTypes = Encoding.UTF8.GetString(ZipEditing.Entries(Good)[DeterministicZip.ContentTypesName]);

        foreach (var name in Names)
        {
            Assert.ContainsSingle(roots.Where(r => (string?)r.Attribute("type") == "61" && (string?)r.Attribute("schemaName") == name && (string?)r.Attribute("behavior") == "0"));
        }

        var lead = roots.Single(r => (string?)r.Attribute("type") == "1");
        Assert.AreEqual("lead", (string?)lead.Attribute("schemaName"));
        Assert.AreEqual("2", (string?)lead.Attribute("behavior"), "the lead travels as a shell carrying our ribbon diff");
        foreach (var path in ZipEditing.Entries(Good).Keys.Where(k => k.StartsWith("WebResources/", StringComparison.Ordinal)))
        {
            Assert.Contains($"<Override PartName=\"/{path}\" ContentType=\"application/octet-stream\" />", contentTypes);
        }
    }

    [TestMethod]
    public void Pack_LeadRibbon_EnableRuleCallsTheBuiltFunctionWithTheForm()
    {
        var entity = ZipEditing.Xml(Good, Customizations).Element("Entities")!.Elements("Entity").Single();
        var rule = entity.Descendants("EnableRule").Single(r => (string?)r.Attribute("Id") == "lqx.lead.DisqualifyAllowed").Element("CustomRule")!;
        var script = Encoding.UTF8.GetString(ZipEditing.Entries(Good).Single(e => e.Key.StartsWith("WebResources/lqx_LeadCommandsjs", StringComparison.Ordinal)).Value);

        Assert.AreEqual("Lead", ((string)entity.Element("Name")!).Trim());
        Assert.AreEqual("$webresource:lqx_LeadCommands.js", (string?)rule.Attribute("Library"));
        Assert.AreEqual("LeadQualifyExtensions.LeadCommands.disqualifyAllowed", (string?)rule.Attribute("FunctionName"));
        Assert.AreEqual("PrimaryControl", (string?)rule.Element("CrmParameter")!.Attribute("Value"));
        Assert.Contains("LeadCommands.disqualifyAllowed = disqualifyAllowed", script);
        Assert.IsFalse(entity.DescendantNodes().OfType<XComment>().Any(), "source comments stay out of the zip");
    }

    [TestMethod]
    public void Verify_ShippedZips_HaveNoWebResourceOrRibbonFinding()
    {
        foreach (var zip in new[] { TestInputs.Packed.Unmanaged, TestInputs.Packed.Managed })
        {
            var report = Verify(zip);

            Assert.IsFalse(report.Has(VerifyRules.WebResource) || report.Has(VerifyRules.Ribbon) || report.Has(VerifyRules.Schema), report.ToString());
        }
    }

    [TestMethod]
    public void Verify_RibbonFunctionTheScriptDoesNotDefine_ReportsRibbon()
    {
        var zip = EditCustomizations(root => root.Descendants("CustomRule").Single().SetAttributeValue("FunctionName", "LeadQualifyExtensions.LeadCommands.noSuchRule"));

        AssertFinding(Verify(zip), VerifyRules.Ribbon, "noSuchRule");
    }

    [TestMethod]
    public void Verify_RibbonLibraryNotInThePackage_ReportsRibbon()
    {
        var zip = EditCustomizations(root => root.Descendants("CustomRule").Single().SetAttributeValue("Library", "$webresource:lqx_Missing.js"));

        AssertFinding(Verify(zip), VerifyRules.Ribbon, "lqx_Missing.js");
    }

    [TestMethod]
    public void Verify_WebResourceFileMissing_ReportsWebResource()
    {
        var path = ZipEditing.Entries(Good).Keys.Single(k => k.StartsWith("WebResources/lqx_LeadCommandsjs", StringComparison.Ordinal));

        var report = Verify(ZipEditing.Remove(Good, path));

        AssertFinding(report, VerifyRules.WebResource, path);
        AssertFinding(report, VerifyRules.Ribbon, "lqx_LeadCommands.js");
    }

    [TestMethod]
    public void Verify_WebResourceIdOrTypeChanged_ReportsWebResource()
    {
        var zip = EditCustomizations(root =>
        {
            var resource = root.Descendants("WebResource").First(r => (string?)r.Element("Name") == "lqx_PolicyConfiguration.html");
            resource.Element("WebResourceId")!.Value = "{00000000-0000-0000-0000-000000000001}";
            resource.Element("WebResourceType")!.Value = "3";
        });

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.WebResource, "the one its name gives");
        AssertFinding(report, VerifyRules.WebResource, "does not fit its name");
    }

    [TestMethod]
    public void Verify_PageLoadsAScriptNotInThePackage_ReportsWebResource()
    {
        var page = ZipEditing.Entries(Good).Keys.Single(k => k.StartsWith("WebResources/lqx_PolicyConfigurationhtml", StringComparison.Ordinal));
        var zip = ZipEditing.Rewrite(Good, (name, bytes) => name == page
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("src=\"lqx_PolicyConfiguration.js\"", "src=\"lqx_Renamed.js\"", StringComparison.Ordinal))
            : bytes);

        AssertFinding(Verify(zip), VerifyRules.WebResource, "lqx_Renamed.js");
    }

    [TestMethod]
    public void Verify_WebResourceNotARootComponent_ReportsWebResource()
    {
        var zip = ZipEditing.EditXml(Good, "solution.xml", root =>
            root.Descendants("RootComponent").Single(r => (string?)r.Attribute("schemaName") == "lqx_PolicyConfiguration.js").Remove());

        AssertFinding(Verify(zip), VerifyRules.WebResource, "lqx_PolicyConfiguration.js is not listed");
    }

    /// <summary>The policy vectors against the page's validator, in Node.js (the plug-ins' side: PolicyVectorsTests).</summary>
    [TestMethod]
    public void PolicyVectors_PageValidator_AgreesWithEveryVector()
    {
        var root = TestInputs.Workspace.RepoRoot;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                Path.Combine(root, "Solution", "WebResources", "tests", "policyVectors.mjs"),
                Path.Combine(root, "tests", "Shared", "policy-vectors.json"),
                Path.Combine(root, "Solution", "WebResources", "bin", "lqx_PolicyConfiguration.js"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEnd() + node.StandardError.ReadToEnd();
        node.WaitForExit();

        Assert.AreEqual(0, node.ExitCode, output);
        StringAssert.Matches(output, new System.Text.RegularExpressions.Regex("^[1-9][0-9]* passed, 0 failed", System.Text.RegularExpressions.RegexOptions.Multiline));
    }

    private static VerifyReport Verify(byte[] zip) => SolutionVerifier.Verify("broken.zip", zip, TestInputs.VerifyOptions());

    private static byte[] EditCustomizations(Action<XElement> edit) => ZipEditing.EditXml(Good, Customizations, edit);

    private static void AssertFinding(VerifyReport report, string rule, string text) =>
        Assert.IsTrue(report.Findings.Any(f => f.Rule == rule && f.Message.Contains(text, StringComparison.Ordinal)), $"expected {rule} mentioning '{text}':\n{report}");
}
