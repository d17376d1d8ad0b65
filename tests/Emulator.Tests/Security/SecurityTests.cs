using System;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Emulator.Security;
using LeadQualifyExtensions.Emulator.Tests.Pipeline;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.Emulator.Tests.Security;

/// <summary>Roles, access levels, business units, teams, sharing and impersonation as the platform enforces them (issue 16).</summary>
[TestClass]
public sealed class SecurityTests
{
    private const int PrivilegeDenied = unchecked((int)0x80040220);
    private const int AccessDenied = unchecked((int)0x80048306);

    [TestMethod]
    public void NewUser_HoldsNoRole_CreateIsDeniedWithTheMissingPrivilegeAndNothingIsWritten()
    {
        var emulator = new XrmEmulator();
        var user = emulator.CreateUser("Noah", "Norole");

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(user).Create(TestSupport.Lead()));

        Assert.AreEqual(PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "prvCreateLead", StringComparison.Ordinal);
        Assert.IsEmpty(emulator.Security.RolesOf(user));
        Assert.IsEmpty(emulator.All("lead"));
    }

    [TestMethod]
    public void Administrator_HoldsSystemAdministrator_AndPassesEveryCheck()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();

        var id = service.Create(TestSupport.Lead());
        service.Delete("lead", id);

        Assert.AreEqual("System Administrator", emulator.Security.RolesOf(emulator.AdministratorId).Single().Name);
    }

    [TestMethod]
    public void UnknownCaller_IsRefusedAsAMissingUser()
    {
        var emulator = new XrmEmulator();

        Assert.AreEqual(Faults.ObjectDoesNotExist, TestSupport.FaultCode(() => emulator.GetOrganizationService(Guid.NewGuid()).Create(TestSupport.Lead())));
        Assert.AreEqual(Faults.ObjectDoesNotExist, TestSupport.FaultCode(() => emulator.GetOrganizationService(Guid.Empty).Create(TestSupport.Lead())));
        Assert.IsEmpty(emulator.All("lead"));
    }

    [TestMethod]
    public void Salesperson_ReadsEveryLead_ButDeletesAndAssignsOnlyOwnOnes()
    {
        var emulator = new XrmEmulator();
        var anna = emulator.CreateUser("Anna", "Seller", roles: ["Salesperson"]);
        var ben = emulator.CreateUser("Ben", "Seller", roles: ["Salesperson"]);
        var annasLead = emulator.GetOrganizationService(anna).Create(TestSupport.Lead());
        var bens = emulator.GetOrganizationService(ben);

        Assert.AreEqual(annasLead, bens.Retrieve("lead", annasLead, new ColumnSet("lastname")).Id);
        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => bens.Delete("lead", annasLead));
        Assert.AreEqual(AccessDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "DeleteAccess", StringComparison.Ordinal);
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => bens.Execute(new AssignRequest
        {
            Target = new EntityReference("lead", annasLead),
            Assignee = new EntityReference("systemuser", ben),
        })));
        Assert.IsNotNull(emulator.Get("lead", annasLead));

        emulator.GetOrganizationService(anna).Delete("lead", annasLead);
        Assert.IsNull(emulator.Get("lead", annasLead));
    }

    [TestMethod]
    public void UserLevelRead_RetrieveAndQueriesSeeOnlyOwnRows_LinkEntitiesToo()
    {
        var emulator = new XrmEmulator();
        emulator.Security.AddRole("Own leads").Grant("lead", PrivilegeAction.Create, AccessLevel.User).Grant("lead", PrivilegeAction.Read, AccessLevel.User)
            .Grant("lead", PrivilegeAction.Append, AccessLevel.User).Grant("account", PrivilegeAction.AppendTo, AccessLevel.Organization)
            .Grant("account", PrivilegeAction.Read, AccessLevel.Organization);
        var owner = emulator.CreateUser("Olga", "Owner", roles: ["Own leads"]);
        var other = emulator.CreateUser("Otto", "Other", roles: ["Own leads"]);
        var admin = emulator.GetOrganizationService();
        var account = admin.Create(new Entity("account") { ["name"] = "Contoso" });
        var own = emulator.GetOrganizationService(owner).Create(new Entity("lead") { ["lastname"] = "Mine", ["parentaccountid"] = new EntityReference("account", account) });
        var foreign = emulator.GetOrganizationService(other).Create(new Entity("lead") { ["lastname"] = "Theirs", ["parentaccountid"] = new EntityReference("account", account) });
        var service = emulator.GetOrganizationService(owner);

        var rows = service.RetrieveMultiple(new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname") }).Entities;
        var fetched = service.RetrieveMultiple(new FetchExpression("<fetch><entity name='lead'><attribute name='lastname'/></entity></fetch>")).Entities;
        var linked = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        linked.AddLink("lead", "accountid", "parentaccountid").LinkCriteria.AddCondition("lastname", ConditionOperator.Equal, "Theirs");

        Assert.AreEqual(own, rows.Single().Id);
        Assert.AreEqual(own, fetched.Single().Id);
        Assert.IsEmpty(service.RetrieveMultiple(linked).Entities, "a linked row the caller cannot read must not match");
        Assert.HasCount(1, admin.RetrieveMultiple(linked).Entities);
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => service.Retrieve("lead", foreign, new ColumnSet(true))));
    }

    [TestMethod]
    public void RetrieveMultiple_OfATableReadAtNoLevel_IsDenied()
    {
        var emulator = new XrmEmulator();
        var seller = emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => emulator.GetOrganizationService(seller).RetrieveMultiple(new QueryExpression("solution")));

        Assert.AreEqual(PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "prvReadSolution", StringComparison.Ordinal);
    }

    [TestMethod]
    public void BusinessUnitLevels_LocalSeesItsUnit_DeepAlsoTheUnitsBelow()
    {
        var emulator = new XrmEmulator();
        var sales = emulator.Security.CreateBusinessUnit("Sales");
        var north = emulator.Security.CreateBusinessUnit("Sales North", sales);
        emulator.Security.AddRole("Local reader").Grant("lead", PrivilegeAction.Read, AccessLevel.BusinessUnit);
        emulator.Security.AddRole("Deep reader").Grant("lead", PrivilegeAction.Read, AccessLevel.ParentChildBusinessUnits);
        var inSales = emulator.CreateUser("Sue", "Sales", businessUnitId: sales, roles: ["Salesperson"]);
        var inNorth = emulator.CreateUser("Nick", "North", businessUnitId: north, roles: ["Salesperson"]);
        var local = emulator.CreateUser("Liz", "Local", businessUnitId: sales, roles: ["Local reader"]);
        var deep = emulator.CreateUser("Dan", "Deep", businessUnitId: sales, roles: ["Deep reader"]);
        var salesLead = emulator.GetOrganizationService(inSales).Create(TestSupport.Lead("Sales"));
        var northLead = emulator.GetOrganizationService(inNorth).Create(TestSupport.Lead("North"));
        var rootLead = emulator.GetOrganizationService().Create(TestSupport.Lead("Root"));

        Guid[] Visible(Guid user) => [.. emulator.GetOrganizationService(user).RetrieveMultiple(new QueryExpression("lead")).Entities.Select(e => e.Id).Order()];

        CollectionAssert.AreEqual(new[] { salesLead }, Visible(local));
        CollectionAssert.AreEqual(new[] { salesLead, northLead }.Order().ToArray(), Visible(deep));
        Assert.AreEqual(north, emulator.Get("lead", northLead)!.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.DoesNotContain(rootLead, Visible(deep));
    }

    [TestMethod]
    public void OwnerTeam_MembersReachTheTeamsRowsThroughTheTeamsRole()
    {
        var emulator = new XrmEmulator();
        emulator.Security.AddRole("Team leads").Grant("lead", PrivilegeAction.Read, AccessLevel.User).Grant("lead", PrivilegeAction.Write, AccessLevel.User);
        var member = emulator.CreateUser("Mia", "Member");
        var outsider = emulator.CreateUser("Omar", "Outsider");
        var team = emulator.Security.CreateTeam("Key accounts", roles: ["Team leads"], members: [member]);
        var teamLead = emulator.GetOrganizationService().Create(new Entity("lead") { ["lastname"] = "Team", ["ownerid"] = new EntityReference("team", team) });
        emulator.GetOrganizationService().Create(TestSupport.Lead("Admin"));

        var visible = emulator.GetOrganizationService(member).RetrieveMultiple(new QueryExpression("lead")).Entities;
        emulator.GetOrganizationService(member).Update(new Entity("lead", teamLead) { ["subject"] = "Renewal" });

        Assert.AreEqual(teamLead, visible.Single().Id);
        Assert.AreEqual("Renewal", emulator.Get("lead", teamLead)!.GetAttributeValue<string>("subject"));
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(outsider).Retrieve("lead", teamLead, new ColumnSet(true))));
        CollectionAssert.AreEqual(new[] { team }, emulator.Security.TeamsOf(member).ToArray());
    }

    [TestMethod]
    public void Sharing_GrantsModifiesAndRevokesRightsOnOneRow()
    {
        var emulator = new XrmEmulator();
        emulator.Security.AddRole("Own leads").Grant("lead", PrivilegeAction.Read, AccessLevel.User).Grant("lead", PrivilegeAction.Write, AccessLevel.User)
            .Grant("lead", PrivilegeAction.Share, AccessLevel.User).Grant("lead", PrivilegeAction.Create, AccessLevel.User);
        var owner = emulator.CreateUser("Olga", "Owner", roles: ["Own leads"]);
        var friend = emulator.CreateUser("Fred", "Friend", roles: ["Own leads"]);
        var stranger = emulator.CreateUser("Sven", "Stranger", roles: ["Own leads"]);
        var lead = emulator.GetOrganizationService(owner).Create(TestSupport.Lead());
        var target = new EntityReference("lead", lead);
        var friends = emulator.GetOrganizationService(friend);
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => friends.Retrieve("lead", lead, new ColumnSet(true))));

        emulator.GetOrganizationService(owner).Execute(Share("GrantAccess", target, friend, AccessRights.ReadAccess));
        Assert.AreEqual(lead, friends.Retrieve("lead", lead, new ColumnSet("lastname")).Id);
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => friends.Update(new Entity("lead", lead) { ["subject"] = "x" })));
        Assert.AreEqual(AccessRights.ReadAccess, Rights(emulator, target, friend));

        emulator.GetOrganizationService(owner).Execute(Share("GrantAccess", target, friend, AccessRights.WriteAccess));
        friends.Update(new Entity("lead", lead) { ["subject"] = "Shared" });
        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.WriteAccess, Rights(emulator, target, friend));

        emulator.GetOrganizationService(owner).Execute(Share("ModifyAccess", target, friend, AccessRights.WriteAccess));
        Assert.AreEqual(AccessRights.WriteAccess, Rights(emulator, target, friend));

        var revoke = new OrganizationRequest("RevokeAccess") { ["Target"] = target, ["Revokee"] = new EntityReference("systemuser", friend) };
        emulator.GetOrganizationService(owner).Execute(revoke);
        Assert.AreEqual(AccessRights.None, Rights(emulator, target, friend));
        Assert.IsEmpty(emulator.All("principalobjectaccess"));

        // Only who may share the row may share it.
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(stranger).Execute(Share("GrantAccess", target, stranger, AccessRights.ReadAccess))));
        var ownerRights = Rights(emulator, target, owner);
        Assert.AreEqual(AccessRights.ReadAccess | AccessRights.WriteAccess | AccessRights.ShareAccess, ownerRights);
    }

    [TestMethod]
    public void Sharing_InsideAFailingRequest_IsRolledBack()
    {
        var emulator = new XrmEmulator();
        var lead = emulator.GetOrganizationService().Create(TestSupport.Lead());
        var seller = emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);
        var batch = new Microsoft.Xrm.Sdk.Messages.ExecuteTransactionRequest
        {
            Requests = [Share("GrantAccess", new EntityReference("lead", lead), seller, AccessRights.DeleteAccess), new Microsoft.Xrm.Sdk.Messages.DeleteRequest { Target = new EntityReference("lead", Guid.NewGuid()) }],
        };

        _ = TestSupport.FaultCode(() => emulator.GetOrganizationService().Execute(batch));

        Assert.IsEmpty(emulator.All("principalobjectaccess"));
    }

    [TestMethod]
    public void Lookups_NeedAppendOnTheRowAndAppendToOnTheRowPointedAt()
    {
        var emulator = new XrmEmulator();
        emulator.Security.AddRole("No append to accounts")
            .Grant("contact", PrivilegeAction.Create, AccessLevel.User).Grant("contact", PrivilegeAction.Read, AccessLevel.User)
            .Grant("contact", PrivilegeAction.Write, AccessLevel.User).Grant("contact", PrivilegeAction.Append, AccessLevel.User)
            .Grant("account", PrivilegeAction.Read, AccessLevel.Organization);
        emulator.Security.AddRole("No append").Grant("contact", PrivilegeAction.Create, AccessLevel.User)
            .Grant("account", PrivilegeAction.AppendTo, AccessLevel.Organization);
        var user = emulator.CreateUser("Al", "Append", roles: ["No append to accounts"]);
        var other = emulator.CreateUser("Ann", "Append", roles: ["No append"]);
        var account = emulator.GetOrganizationService().Create(new Entity("account") { ["name"] = "Contoso" });
        Entity Contact() => new("contact") { ["lastname"] = "Kai", ["parentcustomerid"] = new EntityReference("account", account) };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(user).Create(Contact()));
        StringAssert.Contains(fault.Detail.Message, "prvAppendToAccount", StringComparison.Ordinal);
        var appendFault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(other).Create(Contact()));
        StringAssert.Contains(appendFault.Detail.Message, "prvAppendContact", StringComparison.Ordinal);
        var plain = emulator.GetOrganizationService(user).Create(new Entity("contact") { ["lastname"] = "Kai" });
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(user).Update(new Entity("contact", plain) { ["parentcustomerid"] = new EntityReference("account", account) })));
        Assert.HasCount(1, emulator.All("contact"));
    }

    [TestMethod]
    public void CallerId_NeedsActOnBehalf_AndBothUsersRights()
    {
        var emulator = new XrmEmulator();
        var seller = emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);
        var nobody = emulator.CreateUser("Nora", "Nobody");
        emulator.Security.AddRole("Delegate").Grant(PrivilegeNames.ActOnBehalfOfAnotherUser, AccessLevel.Organization);
        var integration = emulator.CreateUser("Ian", "Integration", roles: ["Delegate"]);

        Assert.AreEqual(SecurityFaults.CannotActOnBehalfOfAnotherUser, TestSupport.FaultCode(() => emulator.GetOrganizationService(seller, nobody).Create(TestSupport.Lead())));
        var id = emulator.GetOrganizationService(emulator.AdministratorId, seller).Create(TestSupport.Lead());
        Assert.AreEqual(seller, emulator.Get("lead", id)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(emulator.AdministratorId, nobody).Create(TestSupport.Lead())));
        // The intersection: the delegate holds no lead privilege itself.
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(integration, seller).Create(TestSupport.Lead())));
        var whoAmI = (WhoAmIResponse)emulator.GetOrganizationService(emulator.AdministratorId, seller).Execute(new WhoAmIRequest());
        Assert.AreEqual(seller, whoAmI.UserId);
    }

    [TestMethod]
    public void PluginService_NullUserRunsAsSystem_PastTheCallersMissingPrivileges()
    {
        var emulator = new XrmEmulator();
        var seller = emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);
        emulator.RegisterStep(DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, s) =>
        {
            var factory = (IOrganizationServiceFactory)s.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(null).Create(new Entity("solution") { ["uniquename"] = "bysystem", ["friendlyname"] = "By system" });
        }));
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
        {
            var factory = (IOrganizationServiceFactory)s.GetService(typeof(IOrganizationServiceFactory))!;
            factory.CreateOrganizationService(c.UserId).Create(new Entity("solution") { ["uniquename"] = "bycaller", ["friendlyname"] = "By caller" });
        }));

        emulator.GetOrganizationService(seller).Create(TestSupport.Lead());
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => emulator.GetOrganizationService(seller).Create(new Entity("account") { ["name"] = "Contoso" })));

        Assert.HasCount(1, emulator.All("solution").Where(s => s.GetAttributeValue<string>("uniquename") == "bysystem"));
        Assert.IsEmpty(emulator.All("account"));
    }

    [TestMethod]
    public void QualifyLead_ChecksTheLeadAndEveryRowItCreatesAndLinks_AsTheCaller()
    {
        var emulator = new XrmEmulator();
        emulator.Security.Salesperson.Revoke("prvCreateAccount").Grant("prvWriteLead", AccessLevel.User);
        var anna = emulator.CreateUser("Anna", "Seller", roles: ["Salesperson"]);
        var ben = emulator.CreateUser("Ben", "Seller", roles: ["Salesperson"]);
        var annas = emulator.GetOrganizationService(anna);
        var lead = annas.Create(new Entity("lead") { ["lastname"] = "Berg", ["companyname"] = "Contoso" });

        var noCreate = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => annas.Execute(Qualify(lead, account: true, contact: false)));
        StringAssert.Contains(noCreate.Detail.Message, "prvCreateAccount", StringComparison.Ordinal);
        Assert.AreEqual(PrivilegeDenied, noCreate.Detail.ErrorCode);

        // The new contact is linked to the new account: Append on contact and AppendTo on account are checked too.
        emulator.Security.Salesperson.Grant("prvCreateAccount", AccessLevel.User).Revoke("prvAppendToAccount");
        var noAppendTo = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => annas.Execute(Qualify(lead, account: true, contact: true)));
        StringAssert.Contains(noAppendTo.Detail.Message, "prvAppendToAccount", StringComparison.Ordinal);

        // Qualifying writes the lead: Write at User level does not reach another seller's lead.
        emulator.Security.Salesperson.Grant("prvAppendToAccount", AccessLevel.Organization);
        var notHers = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(ben).Execute(Qualify(lead, account: true, contact: true)));
        Assert.AreEqual(AccessDenied, notHers.Detail.ErrorCode);
        StringAssert.Contains(notHers.Detail.Message, "WriteAccess", StringComparison.Ordinal);

        Assert.IsEmpty(emulator.All("account"));
        Assert.IsEmpty(emulator.All("contact"));
        Assert.AreEqual(0, emulator.Get("lead", lead)!.GetAttributeValue<OptionSetValue>("statecode").Value);

        annas.Execute(Qualify(lead, account: true, contact: true));
        Assert.AreEqual(anna, emulator.All("contact").Single().GetAttributeValue<EntityReference>("createdby").Id);
    }

    [TestMethod]
    public void WinAndLose_NeedWriteOnTheOpportunity()
    {
        var emulator = new XrmEmulator();
        emulator.Security.Salesperson.Grant("prvWriteOpportunity", AccessLevel.User);
        var anna = emulator.CreateUser("Anna", "Seller", roles: ["Salesperson"]);
        var ben = emulator.GetOrganizationService(emulator.CreateUser("Ben", "Seller", roles: ["Salesperson"]));
        var won = emulator.GetOrganizationService(anna).Create(new Entity("opportunity") { ["name"] = "Won deal" });
        var lost = emulator.GetOrganizationService(anna).Create(new Entity("opportunity") { ["name"] = "Lost deal" });

        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => ben.Execute(new WinOpportunityRequest { OpportunityClose = Close(won), Status = new OptionSetValue(3) })));
        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => ben.Execute(new LoseOpportunityRequest { OpportunityClose = Close(lost), Status = new OptionSetValue(4) })));
        Assert.AreEqual(0, emulator.Get("opportunity", won)!.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.IsEmpty(emulator.All("opportunityclose"));

        emulator.GetOrganizationService(anna).Execute(new WinOpportunityRequest { OpportunityClose = Close(won), Status = new OptionSetValue(3) });
        Assert.AreEqual(1, emulator.Get("opportunity", won)!.GetAttributeValue<OptionSetValue>("statecode").Value);

        static Entity Close(Guid opportunity) => new("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity) };
    }

    [TestMethod]
    public void ProcessMessages_NeedReadOnTheRecordAndWriteOnTheInstance()
    {
        var emulator = new XrmEmulator();
        emulator.Security.AddRole("Own leads").Grant("lead", PrivilegeAction.Create, AccessLevel.User).Grant("lead", PrivilegeAction.Read, AccessLevel.User)
            .Grant("leadtoopportunitysalesprocess", PrivilegeAction.Read, AccessLevel.User).Grant("leadtoopportunitysalesprocess", PrivilegeAction.Create, AccessLevel.User);
        var owner = emulator.CreateUser("Olga", "Owner", roles: ["Salesperson"]);
        var stranger = emulator.GetOrganizationService(emulator.CreateUser("Sven", "Stranger", roles: ["Own leads"]));
        var lead = emulator.GetOrganizationService(owner).Create(TestSupport.Lead());
        var instances = new RetrieveProcessInstancesRequest { EntityLogicalName = "lead", EntityId = lead };

        Assert.AreEqual(AccessDenied, TestSupport.FaultCode(() => stranger.Execute(instances)));
        var instance = ((RetrieveProcessInstancesResponse)emulator.GetOrganizationService(owner).Execute(instances)).Processes.Entities.Single();

        emulator.Security.Salesperson.Revoke("prvWriteLeadToOpportunitySalesProcess");
        var move = new Entity("leadtoopportunitysalesprocess", instance.Id) { ["activestageid"] = new EntityReference("processstage", LeadQualifyExtensions.Emulator.Sales.LeadToOpportunityProcess.DevelopStageId) };
        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(owner).Update(move));
        Assert.AreEqual(PrivilegeDenied, fault.Detail.ErrorCode);
        StringAssert.Contains(fault.Detail.Message, "prvWriteLeadToOpportunitySalesProcess", StringComparison.Ordinal);
        Assert.AreEqual(PrivilegeDenied, TestSupport.FaultCode(() => stranger.Execute(new SetProcessRequest
        {
            Target = new EntityReference("lead", lead),
            NewProcess = new EntityReference("workflow", LeadQualifyExtensions.Emulator.Sales.LeadToOpportunityProcess.ProcessId),
        })));
    }

    [TestMethod]
    public void StepWithImpersonatingUser_ServiceCallsRunAsThatUser_InitiatingUserStaysTheCaller()
    {
        var emulator = new XrmEmulator();
        var seller = emulator.CreateUser("Sam", "Seller", roles: ["Salesperson"]);
        var auditor = emulator.CreateUser("Ada", "Auditor", roles: ["System Customizer"]);
        Guid? userId = null, initiating = null;
        var step = DelegatePlugin.Step("Create", "lead", PipelineStage.PostOperation, (c, s) =>
        {
            userId = c.UserId;
            initiating = c.InitiatingUserId;
            s.Service().Create(new Entity("solution") { ["uniquename"] = "byauditor", ["friendlyname"] = "By the step's user" });
        });
        emulator.RegisterStep(step with { ImpersonatingUserId = auditor });
        emulator.RegisterStep(DelegatePlugin.Step("Create", "account", PipelineStage.PostOperation, (c, s) =>
            s.Service().Create(new Entity("solution") { ["uniquename"] = "bycaller", ["friendlyname"] = "By the caller" })));

        emulator.GetOrganizationService(seller).Create(TestSupport.Lead());
        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService(seller).Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.AreEqual(auditor, userId);
        Assert.AreEqual(seller, initiating);
        Assert.AreEqual(auditor, emulator.All("solution").Single(r => r.GetAttributeValue<string>("uniquename") == "byauditor").GetAttributeValue<EntityReference>("createdby").Id);
        StringAssert.Contains(fault.Detail.Message, "prvCreateSolution", StringComparison.Ordinal);
        Assert.IsEmpty(emulator.All("account"));
    }

    [TestMethod]
    public void SecurityModel_RefusesUnknownRolesAndPrincipals()
    {
        var emulator = new XrmEmulator();
        var user = emulator.CreateUser("Ua", "User");

        Assert.ThrowsExactly<ArgumentException>(() => emulator.Security.AssignRoles(user, "Chief Everything Officer"));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.Security.AssignRoles(Guid.NewGuid(), "Salesperson"));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.Security.AddRole("salesperson"));
        Assert.ThrowsExactly<ArgumentException>(() => emulator.Security.CreateBusinessUnit("Orphan", Guid.NewGuid()));
        emulator.Security.AssignRoles(user, "Salesperson");
        emulator.Security.RemoveRole(user, "Salesperson");
        Assert.IsEmpty(emulator.Security.RolesOf(user));
    }

    private static QualifyLeadRequest Qualify(Guid lead, bool account, bool contact) => new()
    {
        LeadId = new EntityReference("lead", lead),
        CreateAccount = account,
        CreateContact = contact,
        CreateOpportunity = false,
        Status = new OptionSetValue(3),
    };

    private static OrganizationRequest Share(string message, EntityReference target, Guid user, AccessRights rights) =>
        new(message) { ["Target"] = target, ["PrincipalAccess"] = new PrincipalAccess { Principal = new EntityReference("systemuser", user), AccessMask = rights } };

    private static AccessRights Rights(XrmEmulator emulator, EntityReference target, Guid user) =>
        (AccessRights)emulator.GetOrganizationService().Execute(new OrganizationRequest("RetrievePrincipalAccess")
        {
            ["Target"] = target,
            ["Principal"] = new EntityReference("systemuser", user),
        }).Results["AccessRights"];
}
