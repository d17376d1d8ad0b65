using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Qualification;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>Missing required fields are named by the organization's labels (issue 12): custom and renamed columns read right.</summary>
[TestClass]
public sealed class PackedColumnLabelsTests
{
    private const string Policy = """{"requiredFields":["new_budgetapprovedby","budgetamount"]}""";

    [TestMethod]
    [DataRow(English, "Budget approved by, Budget Amount")]
    [DataRow(German, "Budget genehmigt von, Budgetbetrag")]
    public void QualifyLead_PolicyRequiresCustomColumn_RefusedWithItsLabelAndNothingWritten(int language, string names)
    {
        var emulator = Organization(Policy);
        emulator.Schema.Table("lead", t => t.String("new_budgetapprovedby", 100, "Budget approved by", "Budget genehmigt von"));
        var service = emulator.UserService(language);
        var lead = QualifiableLead();
        lead.Attributes.Remove(Lead.Fields.BudgetAmount);
        var leadId = service.Create(lead);
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.MissingFields, language, names), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English, "Budget approved by")]
    [DataRow(German, "Budget genehmigt von")]
    public void QualifyLead_PolicyRequiresColumnFromAnImportedSolution_RefusedWithItsLabel(int language, string names)
    {
        var emulator = Organization("""{"requiredFields":["lqx_budgetapprovedby"]}""");
        emulator.Schema.ImportSolution(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Schema", "customizations.xml"));
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.MissingFields, language, names), message);
    }

    [TestMethod]
    public void QualifyLead_CustomColumnFilled_Qualifies()
    {
        var emulator = Organization(Policy);
        emulator.Schema.Table("lead", t => t.String("new_budgetapprovedby", 100, "Budget approved by", "Budget genehmigt von"));
        var service = emulator.UserService(English);
        var lead = QualifiableLead();
        lead["new_budgetapprovedby"] = "Ines Roth";
        var leadId = service.Create(lead);

        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        Assert.AreEqual((int)LeadState.Qualified, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    public void QualifyLead_CustomColumnWithoutGermanLabel_GermanUserReadsTheEnglishOne()
    {
        var emulator = Organization("""{"requiredFields":["new_region"]}""");
        emulator.Schema.Table("lead", t => t.String("new_region", 50, "Sales region"));
        var service = emulator.UserService(German);
        var leadId = service.Create(QualifiableLead());

        var message = Refused(() => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(Expected(QualificationTexts.MissingFields, German, "Sales region"), message);
    }

    [TestMethod]
    public void QualifyLead_RefusedForMissingFields_AsksTheMetadataOnceAndOnlyThen()
    {
        var emulator = Organization(Policy);
        emulator.Schema.Table("lead", t => t.String("new_budgetapprovedby", 100, "Budget approved by", "Budget genehmigt von"));
        var service = emulator.UserService(English);
        var filled = QualifiableLead();
        filled["new_budgetapprovedby"] = "Ines Roth";
        var filledId = service.Create(filled);
        var emptyId = service.Create(QualifiableLead());
        emulator.Calls.Reset();

        service.Execute(Qualify(filledId, account: true, contact: false, opportunity: true));
        var onSuccess = emulator.Calls["RetrieveEntity"];
        Refused(() => service.Execute(Qualify(emptyId, account: true, contact: false, opportunity: true)));

        Assert.AreEqual((0, 1), (onSuccess, emulator.Calls["RetrieveEntity"]));
    }
}
