using System;
using LeadQualifyExtensions.Emulator.Sales;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class StateChangeTests
{
    [TestMethod]
    public void StateSplit_StateAndOtherColumns_SplitsOtherColumnsFirst()
    {
        var id = Guid.NewGuid();
        var target = new Entity("lead", id)
        {
            ["subject"] = "New topic",
            ["statecode"] = new OptionSetValue(2),
            ["statuscode"] = new OptionSetValue(4),
        };

        var parts = StateSplit.Split(target);

        Assert.HasCount(2, parts);
        Assert.HasCount(1, parts[0].Attributes);
        Assert.AreEqual("New topic", parts[0]["subject"]);
        Assert.HasCount(2, parts[1].Attributes);
        Assert.AreEqual(2, ((OptionSetValue)parts[1]["statecode"]).Value);
        Assert.AreEqual(id, parts[0].Id);
        Assert.AreEqual(id, parts[1].Id);
        Assert.AreEqual("lead", parts[1].LogicalName);
    }

    [TestMethod]
    public void StateSplit_OnlyStateColumns_IsOnePart()
    {
        var target = new Entity("lead", Guid.NewGuid()) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) };

        var parts = StateSplit.Split(target);

        Assert.HasCount(1, parts);
        Assert.AreSame(target, parts[0]);
    }

    [TestMethod]
    public void StateSplit_NoStateColumns_IsOnePart()
    {
        var target = new Entity("lead", Guid.NewGuid()) { ["subject"] = "Topic" };

        var split = StateSplit.MustSplit(target);

        Assert.IsFalse(split);
        Assert.HasCount(1, StateSplit.Split(target));
    }

    [TestMethod]
    public void StateSplit_StatusOnlyWithOtherColumn_Splits()
    {
        var target = new Entity("lead", Guid.NewGuid()) { ["subject"] = "Topic", ["statuscode"] = new OptionSetValue(2) };

        var parts = StateSplit.Split(target);

        Assert.HasCount(2, parts);
        Assert.IsTrue(parts[1].Contains("statuscode"));
        Assert.IsFalse(parts[1].Contains("statecode"));
    }

    [TestMethod]
    public void StateRules_MinusOne_ResolvesToDefaultStatus()
    {
        var lead = Metadata.MetadataCatalog.Find("lead")!;

        var status = StateRules.ResolveStatus(lead, 2, -1);

        Assert.AreEqual(4, status);
    }

    [TestMethod]
    public void StateRules_StatusOfOtherState_Faults()
    {
        var lead = Metadata.MetadataCatalog.Find("lead")!;

        var code = TestSupport.FaultCode(() => StateRules.ResolveStatus(lead, 1, 4));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
    }

    [TestMethod]
    public void SetState_MinusOne_SetsDefaultStatusOfState()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(2, SalesFixture.State(lead));
        Assert.AreEqual(4, SalesFixture.Status(lead));
    }

    [TestMethod]
    public void SetState_StatusOfOtherState_Faults()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("lead", leadId),
            State = new OptionSetValue(2),
            Status = new OptionSetValue(3),
        }));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
        Assert.AreEqual(0, SalesFixture.State(fixture.Row("lead", leadId)));
    }

    [TestMethod]
    public void SetStateDynamicEntity_Disqualify_WritesStateAndStatus()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        var request = new OrganizationRequest(SalesNames.SetStateDynamicEntity)
        {
            ["EntityMoniker"] = new EntityReference("lead", leadId),
            ["State"] = new OptionSetValue(2),
            ["Status"] = new OptionSetValue(7),
        };

        fixture.Service.Execute(request);

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(2, SalesFixture.State(lead));
        Assert.AreEqual(7, SalesFixture.Status(lead));
        Assert.AreEqual(1, fixture.Emulator.Calls[SalesNames.SetStateDynamicEntity]);
    }

    [TestMethod]
    public void SetStateDynamicEntity_MinusOne_Reactivates()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();
        fixture.Service.Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", leadId), State = new OptionSetValue(2), Status = new OptionSetValue(5) });
        var request = new OrganizationRequest(SalesNames.SetStateDynamicEntity)
        {
            ["EntityMoniker"] = new EntityReference("lead", leadId),
            ["State"] = new OptionSetValue(0),
            ["Status"] = new OptionSetValue(-1),
        };

        fixture.Service.Execute(request);

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual(0, SalesFixture.State(lead));
        Assert.AreEqual(1, SalesFixture.Status(lead));
    }

    [TestMethod]
    public void Update_StateAndColumns_AppliesBoth()
    {
        var fixture = new SalesFixture();
        var leadId = fixture.CreateLead();

        fixture.Service.Update(new Entity("lead", leadId) { ["qualificationcomments"] = "No budget", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6) });

        var lead = fixture.Row("lead", leadId);
        Assert.AreEqual("No budget", lead.GetAttributeValue<string>("qualificationcomments"));
        Assert.AreEqual(2, SalesFixture.State(lead));
        Assert.AreEqual(6, SalesFixture.Status(lead));
    }
}
