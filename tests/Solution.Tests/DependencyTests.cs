using System;
using System.Linq;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class DependencyTests
{
    private static readonly Guid LeadToOpportunityProcess = new("919e14d1-6489-4852-abd0-a63a6ecaac5d");

    [TestMethod]
    public void Pack_Default_EveryStepOnLeadNeedsLeadFromLeadManagement()
    {
        var packed = PackedSolution.Read(TestInputs.Packed.Unmanaged);

        var lead = packed.MissingDependencies.Where(d => d.Required.SchemaName == "lead").ToList();

        Assert.HasCount(packed.Steps.Count(s => s.PrimaryEntity == "lead"), lead);
        Assert.IsTrue(lead.All(d => d.Required == new DependencyComponent(1, "lead", null, "Lead", "msdynce_LeadManagement (9.0.4.0066)")));
        CollectionAssert.AreEquivalent(packed.Steps.Where(s => s.PrimaryEntity == "lead").Select(s => s.Id).ToList(), lead.Select(d => d.Dependent.Id!.Value).ToList());
    }

    [TestMethod]
    public void Pack_Default_QualifyLeadStepsNeedOpportunityAndTheProcessFromSales()
    {
        var packed = PackedSolution.Read(TestInputs.Packed.Managed);
        var qualifyLeadSteps = TestInputs.Packed.Steps.Where(s => s.Declaration.Message == "QualifyLead").Select(s => s.StepId).ToList();

        var opportunity = packed.MissingDependencies.Where(d => d.Required.SchemaName == "opportunity").ToList();
        var process = packed.MissingDependencies.Where(d => d.Required.Id == LeadToOpportunityProcess).ToList();

        // The QualifyLead steps, and the step on the opportunity QualifyLead creates (issue 15).
        var opportunitySteps = TestInputs.Packed.Steps.Where(s => s.Declaration.PrimaryEntity == "opportunity").Select(s => s.StepId);
        CollectionAssert.AreEquivalent(qualifyLeadSteps.Concat(opportunitySteps).ToList(), opportunity.Select(d => d.Dependent.Id!.Value).ToList());
        CollectionAssert.AreEquivalent(qualifyLeadSteps, process.Select(d => d.Dependent.Id!.Value).ToList());
        Assert.IsTrue(opportunity.All(d => d.Required.Solution == "msdynce_Sales (9.0.4.0076)" && d.Required.Type == 1));
        Assert.IsTrue(process.All(d => d.Required is { Type: 29, SchemaName: null, DisplayName: "Lead to Opportunity Sales Process" }));
    }

    [TestMethod]
    public void Pack_Default_WritesTheAttributeFormOfMicrosoftsExports()
    {
        var manifest = ZipEditing.Xml(TestInputs.Packed.Unmanaged, "solution.xml").Element("SolutionManifest")!;

        var first = manifest.Element("MissingDependencies")!.Elements("MissingDependency").First();

        Assert.AreEqual("RootComponents", ((XElement)manifest.Element("MissingDependencies")!.PreviousNode!).Name.LocalName);
        CollectionAssert.AreEqual(new[] { "type", "schemaName", "displayName", "solution" }, first.Element("Required")!.Attributes().Select(a => a.Name.LocalName).ToArray());
        CollectionAssert.AreEqual(new[] { "type", "displayName", "id" }, first.Element("Dependent")!.Attributes().Select(a => a.Name.LocalName).ToArray());
        Assert.AreEqual("92", (string?)first.Element("Dependent")!.Attribute("type"));
        StringAssert.StartsWith((string?)first.Element("Dependent")!.Attribute("id"), "{", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Pack_RequirementNoStepNeeds_RefusesNamingIt()
    {
        var table = new DependencyTable([.. TestInputs.Dependencies.Requires,
            new RequiredComponent(1, "incident", null, "Case", "msdynce_Service (9.0.5.56)", new NeededBy("incident", null), "test")]);

        var error = Assert.ThrowsExactly<PackagingException>(
            () => SolutionPacker.Pack(new PackRequest(TestInputs.Workspace.SourceFolder, TestInputs.Assemblies, TestInputs.Messages, table)));

        Assert.Contains("table 'incident' (Case)", error.Message);
    }

    [TestMethod]
    public void Verify_ZipWithoutMissingDependencies_ReportsEachOne()
    {
        var zip = ZipEditing.EditXml(TestInputs.Packed.Unmanaged, "solution.xml", root => root.Descendants("MissingDependencies").Single().RemoveNodes());

        var report = SolutionVerifier.Verify("broken.zip", zip, TestInputs.VerifyOptions());

        Assert.AreEqual(TestInputs.Packed.Steps.Count + 4, report.Findings.Count(f => f.Rule == VerifyRules.Dependencies), report.ToString());
        Assert.IsTrue(report.Findings.Any(f => f.Message.Contains("process 'Lead to Opportunity Sales Process'", StringComparison.Ordinal)), report.ToString());
    }

    [TestMethod]
    public void Verify_UndeclaredRequirement_ReportsIt()
    {
        var zip = ZipEditing.EditXml(TestInputs.Packed.Unmanaged, "solution.xml", root => root.Descendants("MissingDependencies").Single().Add(
            new MissingDependency(new DependencyComponent(1, "incident", null, "Case", "msdynce_Service (9.0.5.56)"),
                new DependencyComponent(92, null, Guid.NewGuid(), "x", null)).ToXml()));

        var report = SolutionVerifier.Verify("broken.zip", zip, TestInputs.VerifyOptions());

        Assert.AreEqual(1, report.Findings.Count(f => f.Rule == VerifyRules.Dependencies), report.ToString());
        Assert.IsTrue(report.Findings.Any(f => f.Message.Contains("table 'incident' (Case)", StringComparison.Ordinal)), report.ToString());
    }

    [TestMethod]
    public void SolutionUniqueName_NameAndVersion_IsTheNamePart()
    {
        Assert.AreEqual("msdynce_Sales", MissingDependency.SolutionUniqueName("msdynce_Sales (9.0.4.0076)"));
        Assert.AreEqual("Party", MissingDependency.SolutionUniqueName("Party"));
    }
}
