using System;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Sales;
using LeadQualifyExtensions.Emulator.Tests.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using L2O = LeadQualifyExtensions.Emulator.Sales.LeadToOpportunityProcess;

namespace LeadQualifyExtensions.Emulator.Tests.Sales;

[TestClass]
public sealed class CloseOpportunityTests
{
    private static readonly DateTime ClosedOn = new(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    public void WinOpportunity_OpenOpportunity_WonWithRevenueDateAndCompletedCloseActivity()
    {
        var fixture = new SalesFixture();
        var (leadId, opportunityId) = QualifiedOpportunity(fixture);

        fixture.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunityId, 12500m), Status = new OptionSetValue(-1) });

        var opportunity = fixture.Row("opportunity", opportunityId);
        Assert.AreEqual(OpportunityStates.Won, SalesFixture.State(opportunity));
        Assert.AreEqual(3, SalesFixture.Status(opportunity));
        Assert.AreEqual(12500m, opportunity.GetAttributeValue<Money>("actualvalue").Value);
        Assert.AreEqual(ClosedOn, opportunity.GetAttributeValue<DateTime>("actualclosedate"));
        var activity = fixture.All("opportunityclose").Single();
        Assert.AreEqual(opportunityId, activity.GetAttributeValue<EntityReference>("opportunityid").Id);
        Assert.AreEqual(1, SalesFixture.State(activity));
        Assert.AreEqual(2, SalesFixture.Status(activity));
        Assert.AreEqual(12500m, activity.GetAttributeValue<Money>("actualrevenue").Value);
        AssertFinishedOnClose(fixture.Instance(leadId));
    }

    [TestMethod]
    public void LoseOpportunity_OutSold_LostWithCloseDateDefaultingToNow()
    {
        var fixture = new SalesFixture();
        var (leadId, opportunityId) = QualifiedOpportunity(fixture);
        var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunityId), ["subject"] = "Lost to a rival" };

        fixture.Service.Execute(new LoseOpportunityRequest { OpportunityClose = close, Status = new OptionSetValue(5) });

        var opportunity = fixture.Row("opportunity", opportunityId);
        Assert.AreEqual(OpportunityStates.Lost, SalesFixture.State(opportunity));
        Assert.AreEqual(5, SalesFixture.Status(opportunity));
        Assert.AreEqual(fixture.Emulator.Clock.UtcNow, opportunity.GetAttributeValue<DateTime>("actualclosedate"));
        Assert.IsFalse(opportunity.Contains("actualvalue"));
        Assert.AreEqual("Lost to a rival", fixture.All("opportunityclose").Single().GetAttributeValue<string>("subject"));
        AssertFinishedOnClose(fixture.Instance(leadId));
    }

    [TestMethod]
    public void WinOpportunity_AlreadyLost_ClosedFaultAndNothingWritten()
    {
        var fixture = new SalesFixture();
        var (_, opportunityId) = QualifiedOpportunity(fixture);
        fixture.Service.Execute(new LoseOpportunityRequest { OpportunityClose = Close(opportunityId, null), Status = new OptionSetValue(-1) });
        var before = fixture.Row("opportunity", opportunityId);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            fixture.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunityId, 1m), Status = new OptionSetValue(3) }));

        Assert.AreEqual(Faults.InvalidState, fault.Detail.ErrorCode);
        Assert.AreEqual(SalesFaults.OpportunityClosedMessage, fault.Detail.Message);
        Assert.HasCount(1, fixture.All("opportunityclose"));
        Assert.AreEqual(before.GetAttributeValue<long>("versionnumber"), fixture.Row("opportunity", opportunityId).GetAttributeValue<long>("versionnumber"));
    }

    [TestMethod]
    public void WinOpportunity_LostStatus_InvalidStateStatusFaultAndNothingWritten()
    {
        var fixture = new SalesFixture();
        var (_, opportunityId) = QualifiedOpportunity(fixture);

        var code = TestSupport.FaultCode(() =>
            fixture.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunityId, 1m), Status = new OptionSetValue(4) }));

        Assert.AreEqual(Faults.InvalidStateCodeStatusCode, code);
        Assert.AreEqual(OpportunityStates.Open, SalesFixture.State(fixture.Row("opportunity", opportunityId)));
        Assert.IsEmpty(fixture.All("opportunityclose"));
    }

    [TestMethod]
    public void LoseOpportunity_WithoutOpportunityClose_MissingParameterFault()
    {
        var fixture = new SalesFixture();

        var code = TestSupport.FaultCode(() => fixture.Service.Execute(new LoseOpportunityRequest { Status = new OptionSetValue(4) }));

        Assert.AreEqual(Faults.InvalidArgument, code);
    }

    [TestMethod]
    public void WinOpportunity_PluginOnCloseActivityFails_EverythingRolledBack()
    {
        var fixture = new SalesFixture();
        var (leadId, opportunityId) = QualifiedOpportunity(fixture);
        fixture.Emulator.RegisterStep(DelegatePlugin.Step("Create", "opportunityclose", Emulator.Pipeline.PipelineStage.PostOperation,
            (_, _) => throw new InvalidPluginExecutionException("No closing today.")));

        Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() =>
            fixture.Service.Execute(new WinOpportunityRequest { OpportunityClose = Close(opportunityId, 1m), Status = new OptionSetValue(3) }));

        Assert.AreEqual(OpportunityStates.Open, SalesFixture.State(fixture.Row("opportunity", opportunityId)));
        Assert.IsEmpty(fixture.All("opportunityclose"));
        Assert.AreEqual(0, SalesFixture.State(fixture.Instance(leadId)));
    }

    private static (Guid Lead, Guid Opportunity) QualifiedOpportunity(SalesFixture fixture)
    {
        var leadId = fixture.CreateLead();
        var created = fixture.Execute(SalesFixture.Qualify(leadId)).CreatedEntities;
        return (leadId, SalesFixture.Find(created, "opportunity")!.Id);
    }

    private static Entity Close(Guid opportunityId, decimal? revenue)
    {
        var close = new Entity("opportunityclose")
        {
            ["opportunityid"] = new EntityReference("opportunity", opportunityId),
            ["subject"] = "Closed",
            ["actualend"] = ClosedOn,
        };
        if (revenue is { } value)
        {
            close["actualrevenue"] = new Money(value);
        }

        return close;
    }

    private static void AssertFinishedOnClose(Entity instance)
    {
        Assert.AreEqual(L2O.CloseStageId, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.AreEqual(1, SalesFixture.State(instance));
        Assert.AreEqual(2, SalesFixture.Status(instance));
        Assert.EndsWith(L2O.CloseStageId.ToString(), instance.GetAttributeValue<string>("traversedpath"));
        Assert.IsTrue(instance.Contains("completedon"));
    }
}
