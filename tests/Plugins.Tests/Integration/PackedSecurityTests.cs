using System;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Security;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using static LeadQualifyExtensions.Plugins.Tests.Integration.PackedSolution;
using static LeadQualifyExtensions.Testing.ShippedSolution;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>
/// The package's own answers to the platform's security (issue 16 item 5), through the steps of the packed solution:
/// our plug-ins act as the seller, reveal nothing the seller cannot see, and leave policy changes to customizers.
/// </summary>
[TestClass]
public sealed class PackedSecurityTests
{
    [TestMethod]
    public void QualifyLead_SellerWithoutOpportunityCreate_GetsThePrivilegeFaultAndNothingIsWritten()
    {
        var emulator = Organization();
        emulator.Security.Salesperson.Revoke("prvCreateOpportunity");
        var seller = Seller(emulator);
        var service = emulator.GetOrganizationService(seller);
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => service.Execute(Qualify(leadId, account: true, contact: true, opportunity: true)));

        Assert.AreEqual(SecurityFaults.PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "prvCreateOpportunity", StringComparison.Ordinal);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.IsEmpty(emulator.All(Account.EntityName));
        Assert.IsEmpty(emulator.All(Contact.EntityName));
        Assert.IsEmpty(emulator.All(Opportunity.EntityName));
        Assert.AreEqual((int)LeadState.Open, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    public void QualifyLead_EveryRowWrittenDuringQualification_IsWrittenAsTheSeller()
    {
        var emulator = Organization("""{"finishProcessWithoutOpportunity":true}""");
        var seller = Seller(emulator);
        var service = emulator.GetOrganizationService(seller);
        var withOpportunity = service.Create(QualifiableLead());
        var withoutOpportunity = service.Create(QualifiableLead("Fabrikam", "jo@fabrikam.example"));

        service.Execute(Qualify(withOpportunity, account: true, contact: true, opportunity: true));
        service.Execute(Qualify(withoutOpportunity, account: false, contact: false, opportunity: false));

        foreach (var table in new[] { Account.EntityName, Contact.EntityName, Opportunity.EntityName })
        {
            var row = emulator.All(table).Single();
            Assert.AreEqual(seller, row.Ref("createdby"), table);
            Assert.AreEqual(seller, row.Ref("modifiedby"), table);
        }

        Assert.AreEqual(seller, emulator.Get(Lead.EntityName, withOpportunity)!.Ref("modifiedby"));
        var ended = emulator.All(LeadToOpportunitySalesProcess.EntityName).Single(i => i.Ref(LeadToOpportunitySalesProcess.Fields.LeadId) == withoutOpportunity);
        Assert.AreEqual((int)ProcessInstanceStatus.Aborted, ended.Status());
        Assert.AreEqual(seller, ended.Ref("modifiedby"), "the linker ends the process as the seller, not as SYSTEM");
    }

    [TestMethod]
    public void QualifyLead_SellerWhoMayNotWriteTheProcess_IsRefusedWhenOurLinkerWouldEndIt()
    {
        // Without an opportunity QualifyLead itself leaves the process alone; only our linker writes it. A seller
        // without Write on the process instance is refused there: the linker does not write with system rights.
        var emulator = Organization("""{"finishProcessWithoutOpportunity":true}""");
        emulator.Security.Salesperson.Revoke("prvWriteLeadToOpportunitySalesProcess");
        var service = emulator.GetOrganizationService(Seller(emulator));
        var leadId = service.Create(QualifiableLead());
        var before = Snapshot(emulator);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => service.Execute(Qualify(leadId, account: true, contact: false, opportunity: false)));

        Assert.AreEqual(SecurityFaults.PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "prvWriteLeadToOpportunitySalesProcess", StringComparison.Ordinal);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.AreEqual((int)LeadState.Open, emulator.Get(Lead.EntityName, leadId)!.State());
    }

    [TestMethod]
    [DataRow(English)]
    [DataRow(German)]
    public void Disqualify_LeadWithAnOpportunityTheSellerCannotRead_StillBlockedAndTheOpportunityIsNotNamed(int language)
    {
        var emulator = Organization();
        emulator.Security.Salesperson.Grant("prvReadOpportunity", AccessLevel.User); // sellers see only their own opportunities
        var service = emulator.UserService(language);
        var leadId = service.Create(QualifiableLead());
        emulator.GetOrganizationService().Create(new Entity(Opportunity.EntityName)
        {
            [Opportunity.Fields.Name] = "Secret merger",
            [Opportunity.Fields.OriginatingLeadId] = new EntityReference(Lead.EntityName, leadId),
        });
        var before = Snapshot(emulator);

        var message = Refused(() => service.Execute(Disqualify(leadId)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithHiddenOpportunity, language), message);
        Assert.DoesNotContain("Secret merger", message);
        Assert.AreEqual(before, Snapshot(emulator));
        Assert.AreEqual((int)LeadState.Open, emulator.Get(Lead.EntityName, leadId)!.State());
        Assert.IsTrue(emulator.TraceLog.Entries.Any(e => e.Text.Contains("cannot read it", StringComparison.Ordinal)), emulator.TraceLog.Text);
    }

    [TestMethod]
    public void Disqualify_LeadWithAnOpportunityTheSellerCanRead_NamesIt()
    {
        var emulator = Organization();
        var service = emulator.UserService(English);
        var leadId = service.Create(QualifiableLead());
        emulator.GetOrganizationService().Create(new Entity(Opportunity.EntityName)
        {
            [Opportunity.Fields.Name] = "Open deal",
            [Opportunity.Fields.OriginatingLeadId] = new EntityReference(Lead.EntityName, leadId),
        });

        var message = Refused(() => service.Execute(Disqualify(leadId)));

        Assert.AreEqual(Expected(LifecycleTexts.DisqualifyWithOpportunity, English, "Open deal"), message);
    }

    [TestMethod]
    public void PolicyValue_SellerCannotChangeOrAddIt_CustomizerCan()
    {
        var emulator = Organization("""{"protectClosedLeads":true}""");
        var value = emulator.All("environmentvariablevalue").Single();
        var definition = value.GetAttributeValue<EntityReference>("environmentvariabledefinitionid");
        var seller = emulator.GetOrganizationService(Seller(emulator));
        var customizer = emulator.GetOrganizationService(emulator.CreateUser("Cleo", "Customizer", roles: ["System Customizer"]));

        var change = new Entity("environmentvariablevalue", value.Id) { ["value"] = """{"protectClosedLeads":false}""" };
        var update = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => seller.Update(change));
        var add = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => seller.Create(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "lqx_LeadQualificationPolicy_override",
            ["value"] = "{}",
            ["environmentvariabledefinitionid"] = definition,
        }));

        Assert.AreEqual(SecurityFaults.PrivilegeDenied, update.Detail.ErrorCode);
        StringAssert.Contains(update.Detail.Message, "prvWriteEnvironmentVariableValue", StringComparison.Ordinal);
        Assert.AreEqual(SecurityFaults.PrivilegeDenied, add.Detail.ErrorCode);
        Assert.AreEqual("""{"protectClosedLeads":true}""", emulator.Get("environmentvariablevalue", value.Id)!.GetAttributeValue<string>("value"));

        customizer.Update(change);

        Assert.AreEqual("""{"protectClosedLeads":false}""", emulator.Get("environmentvariablevalue", value.Id)!.GetAttributeValue<string>("value"));
    }

    [TestMethod]
    public void DeleteClosedLead_RefusedByPrivilegesWithTheGuardOff_AndByTheGuardForAUserWhoMayDelete()
    {
        // Guard off: a seller may delete only their own leads (Delete at User level), so another seller's closed lead
        // is refused by privileges alone.
        var unguarded = Organization("""{"protectClosedLeads":false}""");
        var owner = unguarded.GetOrganizationService(Seller(unguarded));
        var other = unguarded.GetOrganizationService(unguarded.CreateUser("Ben", "Other", roles: ["Salesperson"]));
        var foreignLead = owner.Create(QualifiableLead());
        owner.Execute(Qualify(foreignLead, account: true, contact: false, opportunity: false));

        var privileges = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => other.Delete(Lead.EntityName, foreignLead));

        Assert.AreEqual(SecurityFaults.AccessDenied, privileges.Detail.ErrorCode);
        StringAssert.Contains(privileges.Detail.Message, "DeleteAccess", StringComparison.Ordinal);
        Assert.IsNotNull(unguarded.Get(Lead.EntityName, foreignLead));

        // A user without Delete on lead at any level: the platform's missing-privilege fault.
        unguarded.Security.AddRole("Lead reader").Grant("lead", PrivilegeAction.Read, AccessLevel.Organization);
        var reader = unguarded.GetOrganizationService(unguarded.CreateUser("Rita", "Reader", roles: ["Lead reader"]));
        var missing = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => reader.Delete(Lead.EntityName, foreignLead));
        Assert.AreEqual(SecurityFaults.PrivilegeDenied, missing.Detail.ErrorCode);
        StringAssert.Contains(missing.Detail.Message, "prvDeleteLead", StringComparison.Ordinal);

        // Guard on: the owner holds Delete on the lead, and our guard refuses.
        var guarded = Organization();
        var service = guarded.GetOrganizationService(Seller(guarded));
        var ownLead = service.Create(QualifiableLead());
        service.Execute(Qualify(ownLead, account: true, contact: false, opportunity: false));

        var message = Refused(() => service.Delete(Lead.EntityName, ownLead));

        Assert.AreEqual(Expected(LifecycleTexts.DeleteClosedLead, English), message);
        Assert.IsNotNull(guarded.Get(Lead.EntityName, ownLead));

        // The same owner, guard off: deleted (privileges allowed it all along).
        owner.Delete(Lead.EntityName, owner.Create(QualifiableLead()));
        var ownClosed = owner.Create(QualifiableLead("Fabrikam"));
        owner.Execute(Qualify(ownClosed, account: false, contact: false, opportunity: false));
        owner.Delete(Lead.EntityName, ownClosed);
        Assert.IsNull(unguarded.Get(Lead.EntityName, ownClosed));
    }

    private static Guid Seller(XrmEmulator emulator) => emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);

    private static SetStateRequest Disqualify(Guid leadId) => new()
    {
        EntityMoniker = new EntityReference(Lead.EntityName, leadId),
        State = new OptionSetValue((int)LeadState.Disqualified),
        Status = new OptionSetValue((int)LeadStatusReason.Lost),
    };
}
