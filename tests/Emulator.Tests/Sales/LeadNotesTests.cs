using System;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class LeadNotesTests
{
    [TestMethod]
    public void Notes_DisqualifyThenReactivate_Survive()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var note = AddNote(fixture, leadId, "Call notes");
        var attachment = AddAttachment(fixture, leadId);

        SetState(fixture, leadId, 2, 4);
        SetState(fixture, leadId, 0, -1);

        Assert.AreEqual("Call notes", fixture.Row("annotation", note).GetAttributeValue<string>("notetext"));
        Assert.AreEqual(leadId, fixture.Row("annotation", attachment).GetAttributeValue<EntityReference>("objectid").Id);
        Assert.AreEqual(0, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void Notes_DisqualifyByUpdate_Survive()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var note = AddNote(fixture, leadId, "Budget frozen");

        fixture.Service.Update(new Entity("lead", leadId) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });

        Assert.AreEqual(leadId, fixture.Row("annotation", note).GetAttributeValue<EntityReference>("objectid").Id);
    }

    [TestMethod]
    public void Notes_QualifyLead_StayOnLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var note = AddNote(fixture, leadId, "Wants a demo");

        fixture.Execute(SalesFixture.Qualify(leadId));

        Assert.HasCount(1, fixture.All("annotation"));
        Assert.AreEqual(leadId, fixture.Row("annotation", note).GetAttributeValue<EntityReference>("objectid").Id);
    }

    [TestMethod]
    public void Notes_DeleteLead_AreDeletedWithIt()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var otherLead = fixture.CreateLead();
        AddNote(fixture, leadId, "Call notes");
        AddAttachment(fixture, leadId);
        var kept = AddNote(fixture, otherLead, "Other lead");

        fixture.Service.Delete("lead", leadId);

        Assert.HasCount(1, fixture.All("annotation"));
        Assert.AreEqual(kept, fixture.All("annotation")[0].Id);
    }

    [TestMethod]
    public void DeleteLead_QualifiedLead_KeepsCreatedRecordsAndClearsOriginatingLead()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var response = fixture.Execute(SalesFixture.Qualify(leadId));

        fixture.Service.Delete("lead", leadId);

        var account = fixture.Row("account", SalesFixture.Find(response.CreatedEntities, "account")!.Id);
        Assert.IsNull(account.GetAttributeValue<EntityReference>("originatingleadid"));
        Assert.HasCount(1, fixture.All("opportunity"));
    }

    private static Guid AddNote(SalesFixture fixture, Guid leadId, string text) =>
        fixture.Service.Create(new Entity("annotation")
        {
            ["objectid"] = new EntityReference("lead", leadId),
            ["subject"] = "Note",
            ["notetext"] = text,
        });

    private static Guid AddAttachment(SalesFixture fixture, Guid leadId) =>
        fixture.Service.Create(new Entity("annotation")
        {
            ["objectid"] = new EntityReference("lead", leadId),
            ["subject"] = "Brochure",
            ["filename"] = "brochure.pdf",
            ["mimetype"] = "application/pdf",
            ["documentbody"] = Convert.ToBase64String(new byte[] { 1, 2, 3 }),
            ["isdocument"] = true,
        });

    private static void SetState(SalesFixture fixture, Guid leadId, int state, int status) =>
        fixture.Service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", leadId),
            State = new OptionSetValue(state),
            Status = new OptionSetValue(status),
        });
}
