using System;
using System.Linq;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>Disqualify guard, reactivation and delete guard through the packed solution zip (behaviours 3, 4, 6, 7, 10).</summary>
[TestClass]
public sealed class PackedLifecycleTests
{
    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Update_DisqualifyLeadWithOriginatingOpportunity_RefusedNamingItAndNothingWritten(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, "50 bikes");
        var before = Snapshot(emulator);

        var message = Refused(() => service.Update(Disqualify(leadId)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "50 bikes"), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_DisqualifyLeadWithOriginatingOpportunity_RefusedAndNothingWritten(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, "50 bikes");
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "50 bikes"), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetStateDynamicEntity_DisqualifyLeadWithOriginatingOpportunity_RefusedAndNothingWritten(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, "50 bikes");
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetStateDynamic(leadId, LeadState.Disqualified, (int)LeadStatusReason.Canceled)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "50 bikes"), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void ExecuteMultiple_DisqualifyLeadWithOpportunity_ItemFaultsAndNothingWritten(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, "50 bikes");
        var before = Snapshot(emulator);
        var batch = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = [new UpdateRequest { Target = Disqualify(leadId) }, SetState(leadId, LeadState.Disqualified, -1), SetStateDynamic(leadId, LeadState.Disqualified, 6)],
        };

        var response = (ExecuteMultipleResponse)service.Execute(batch);

        Assert.IsTrue(response.IsFaulted);
        Assert.IsNotNull(response.Responses);
        Assert.HasCount(3, response.Responses);
        var expected = Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "50 bikes");
        Assert.IsTrue(response.Responses.All(item => item.Fault?.Message == expected));
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void ExecuteTransaction_DisqualifyLeadWithOpportunity_WholeTransactionRolledBack(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, "50 bikes");
        var before = Snapshot(emulator);
        var transaction = new ExecuteTransactionRequest
        {
            Requests = [new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Fields.Name] = "Written first" } }, SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)],
        };

        var message = Refused(() => service.Execute(transaction));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "50 bikes"), message);
        AssertStillOpen(emulator, leadId, before);
        Assert.IsEmpty(emulator.All(Account.EntityName));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_DisqualifyLeadWithOnlyAQualifyingOpportunity_RefusedNamingIt(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var opportunityId = service.Create(new Entity(Opportunity.EntityName) { [Opportunity.Fields.Name] = "Fleet renewal" });
        var leadId = Guid.NewGuid();
        var lead = QualifiableLead();
        lead.Id = leadId;
        lead[Lead.Fields.QualifyingOpportunityId] = new EntityReference(Opportunity.EntityName, opportunityId);
        emulator.Seed(lead);
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, "Fleet renewal"), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Update_DisqualifyLeadWithUnnamedOpportunity_NamesItAsWithoutTopic(int language)
    {
        var (emulator, service, leadId) = LeadWithOpportunity(language, null);
        var before = Snapshot(emulator);

        var message = Refused(() => service.Update(Disqualify(leadId)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, language, LifecycleTexts.UnnamedOpportunity.For(language)), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    public void SetState_DisqualifyLeadAfterItsOpportunityWasClosed_StillRefused()
    {
        var (emulator, service, leadId) = LeadWithOpportunity(English, "50 bikes");
        var opportunityId = emulator.All(Opportunity.EntityName).Single().Id;
        service.Execute(new SetStateRequest { EntityMoniker = new EntityReference(Opportunity.EntityName, opportunityId), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)));

        // Closed already: the text explains why the lead stays qualified instead of asking to close it as lost.
        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithClosedOpportunity, English, "50 bikes"), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    public void SetState_DisqualifyLeadWithoutOpportunity_IsDisqualifiedWithTheGivenReason()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.CannotContact));

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Disqualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.CannotContact, lead.Status());
    }

    [TestMethod]
    public void Update_DisqualifyLeadWithOpportunityWhenBlockingIsOff_IsDisqualified()
    {
        var emulator = Organization("""{"blockDisqualifyWithOpportunity":false}""");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        service.Create(new Entity(Opportunity.EntityName) { [Opportunity.Fields.Name] = "50 bikes", [Opportunity.Fields.OriginatingLeadId] = new EntityReference(Lead.EntityName, leadId) });

        service.Update(Disqualify(leadId));

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Disqualified, lead.State());
        Assert.AreEqual((int)LeadStatusReason.NoLongerInterested, lead.Status());
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_DisqualifyWithStatusOfAnotherState_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Contacted)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyReasonInvalid, language), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_DisqualifyQualifiedLead_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyClosedLead, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.AreEqual((int)LeadStatusReason.Qualified, emulator.Get(Lead.EntityName, leadId)!.Status());
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_DisqualifyWithMalformedPolicy_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization("""{"protectClosedLeads":"yes"}""");
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost)));

        var problem = Expected(PolicyTexts.NotBoolean, language, QualificationPolicy.Keys.ProtectClosedLeads);
        Assert.AreEqual(Expected(PolicyTexts.Invalid, language, problem), message);
        AssertStillOpen(emulator, leadId, before);
    }

    [TestMethod]
    public void SetState_ReactivateQualifiedLead_StatusNewProcessBackOnQualifyNotesKept()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        var noteId = service.Create(new Entity("annotation") { ["subject"] = "Call notes", ["objectid"] = new EntityReference(Lead.EntityName, leadId) });
        var attachmentId = service.Create(new Entity("annotation")
        {
            ["subject"] = "Offer",
            ["filename"] = "offer.txt",
            ["documentbody"] = Convert.ToBase64String("offer"u8.ToArray()),
            ["objectid"] = new EntityReference(Lead.EntityName, leadId),
        });
        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));

        service.Execute(SetState(leadId, LeadState.Open, -1));

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, lead.State());
        Assert.AreEqual((int)LeadStatusReason.New, lead.Status());
        AssertProcessBackOnQualify(emulator, leadId);
        Assert.IsNotNull(emulator.Get("annotation", noteId));
        Assert.AreEqual("offer.txt", emulator.Get("annotation", attachmentId)!.GetAttributeValue<string>("filename"));
    }

    [TestMethod]
    public void SetState_ReactivateQualifiedLead_ReactivationRunsOnceAsSetStateDynamicEntityWithItsPreImage()
    {
        // Issue 20 item 4: a SetStateRequest raises only the SetStateDynamicEntity steps, so of the two shipped
        // registrations exactly one runs (no double run), and it gets the pre-image (no gap).
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true));
        var runsBefore = ReactivationRuns(emulator);

        service.Execute(SetState(leadId, LeadState.Open, -1));

        var runs = ReactivationRuns(emulator);
        Assert.AreEqual(runsBefore["SetStateDynamicEntity"] + 1, runs["SetStateDynamicEntity"]);
        Assert.AreEqual(runsBefore["SetState"], runs["SetState"]);
        Assert.IsNotNull(emulator.Plugins.Steps.Single(s => s.PluginTypeName.Contains(nameof(LeadReactivation), StringComparison.Ordinal)
            && s.Step.Message == "SetStateDynamicEntity").Step.Images.SingleOrDefault(i => i.EntityAlias == LeadReactivation.PreImageAlias));
        Assert.AreEqual((int)LeadStatusReason.New, emulator.Get(Lead.EntityName, leadId)!.Status());
        AssertProcessBackOnQualify(emulator, leadId);
    }

    [TestMethod]
    public void Update_ReactivateDisqualifiedLeadWithoutStatus_GetsStatusNew()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost));

        service.Update(new Entity(Lead.EntityName, leadId) { [Lead.Fields.StateCode] = new OptionSetValue((int)LeadState.Open) });

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, lead.State());
        Assert.AreEqual((int)LeadStatusReason.New, lead.Status());
        AssertProcessBackOnQualify(emulator, leadId);
    }

    [TestMethod]
    public void SetStateDynamicEntity_ReactivateWithGivenStatus_KeepsThatStatus()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: true));

        service.Execute(SetStateDynamic(leadId, LeadState.Open, (int)LeadStatusReason.Contacted));

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, lead.State());
        Assert.AreEqual((int)LeadStatusReason.Contacted, lead.Status());
        AssertProcessBackOnQualify(emulator, leadId);
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void SetState_ReactivateWithStatusOfAnotherState_RefusedAndNothingWritten(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost));
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(SetState(leadId, LeadState.Open, (int)LeadStatusReason.Canceled)));

        Assert.AreEqual(Expected(LifecycleTexts.ReactivationReasonInvalid, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.AreEqual((int)LeadState.Disqualified, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    [DataRow(English, true)]
    [DataRow(German, false)]
    public void Delete_ClosedLead_RefusedAndNothingDeleted(int language, bool qualified)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        service.Create(new Entity("annotation") { ["subject"] = "Call notes", ["objectid"] = new EntityReference(Lead.EntityName, leadId) });
        if (qualified)
        {
            service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));
        }
        else
        {
            service.Execute(SetState(leadId, LeadState.Disqualified, (int)LeadStatusReason.Lost));
        }

        var before = Snapshot(emulator);

        var message = Refused(() => service.Delete(Lead.EntityName, leadId));

        Assert.AreEqual(Expected(LifecycleTexts.DeleteClosedLead, language), message);
        Assert.AreEqual(before, Snapshot(emulator));
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Update_QualifiedLead_OtherChangesAreNotBlocked(int language)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        service.Update(new Entity(Lead.EntityName, leadId) { [Lead.Fields.Subject] = "60 bikes" });

        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual("60 bikes", lead.GetAttributeValue<string>(Lead.Fields.Subject));
        Assert.AreEqual((int)LeadState.Qualified, lead.State());
    }

    [TestMethod]
    public void Delete_OpenLead_IsDeleted()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());

        service.Delete(Lead.EntityName, leadId);

        Assert.IsNull(emulator.Get(Lead.EntityName, leadId));
    }

    [TestMethod]
    public void Delete_QualifiedLeadWhenProtectionIsOff_IsDeleted()
    {
        var emulator = Organization("""{"protectClosedLeads":false}""");
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false));

        service.Delete(Lead.EntityName, leadId);

        Assert.IsNull(emulator.Get(Lead.EntityName, leadId));
    }

    private static (XrmEmulator Emulator, IOrganizationService Service, Guid LeadId) LeadWithOpportunity(int language, string? topic)
    {
        var emulator = Organization();
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        var opportunity = new Entity(Opportunity.EntityName) { [Opportunity.Fields.OriginatingLeadId] = new EntityReference(Lead.EntityName, leadId) };
        if (topic is not null)
        {
            opportunity[Opportunity.Fields.Name] = topic;
        }

        service.Create(opportunity);
        return (emulator, service, leadId);
    }

    private static Entity Disqualify(Guid leadId) => new(Lead.EntityName, leadId)
    {
        [Lead.Fields.StateCode] = new OptionSetValue((int)LeadState.Disqualified),
        [Lead.Fields.StatusCode] = new OptionSetValue((int)LeadStatusReason.NoLongerInterested),
    };

    private static SetStateRequest SetState(Guid leadId, LeadState state, int status) => new()
    {
        EntityMoniker = new EntityReference(Lead.EntityName, leadId),
        State = new OptionSetValue((int)state),
        Status = new OptionSetValue(status),
    };

    private static OrganizationRequest SetStateDynamic(Guid leadId, LeadState state, int status) => new("SetStateDynamicEntity")
    {
        ["EntityMoniker"] = new EntityReference(Lead.EntityName, leadId),
        ["State"] = new OptionSetValue((int)state),
        ["Status"] = new OptionSetValue(status),
    };

    private static void AssertStillOpen(XrmEmulator emulator, Guid leadId, string before)
    {
        Assert.AreEqual(before, Snapshot(emulator));
        var lead = emulator.Get(Lead.EntityName, leadId)!;
        Assert.AreEqual((int)LeadState.Open, lead.State());
        Assert.AreEqual((int)LeadStatusReason.New, lead.Status());
    }

    private static void AssertProcessBackOnQualify(XrmEmulator emulator, Guid leadId)
    {
        var instance = emulator.All(LeadToOpportunitySalesProcess.EntityName).Single(i => i.Ref(LeadToOpportunitySalesProcess.Fields.LeadId) == leadId);
        Assert.AreEqual(LeadToOpportunitySalesProcess.Stages.Qualify, instance.Ref(LeadToOpportunitySalesProcess.Fields.ActiveStageId));
        Assert.AreEqual((int)ProcessInstanceState.Active, instance.State());
        Assert.AreEqual((int)ProcessInstanceStatus.Active, instance.Status());
    }

    private static System.Collections.Generic.Dictionary<string, int> ReactivationRuns(XrmEmulator emulator) =>
        emulator.Plugins.Steps.Where(s => s.PluginTypeName.Contains(nameof(LeadReactivation), StringComparison.Ordinal))
            .ToDictionary(s => s.Step.Message, s => s.ExecutionCount);
}
