using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Model;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.Integration;

/// <summary>
/// Helpers for tests of the solution as it ships; the organizations themselves come from the one fixture,
/// <see cref="LeadQualifyExtensions.Testing.ShippedSolution"/>.
/// </summary>
internal static class PackedSolution
{
    public const int English = UserText.EnglishLcid;
    public const int German = UserText.GermanLcid;

    /// <summary>The DLLs this build produced and the fixture packs.</summary>
    public static IReadOnlyList<string> ShippedAssemblyPaths => BuiltSolution.ShippedAssemblyPaths(typeof(PackedSolution).Assembly);

    /// <summary>A service acting as a new user whose personal settings name <paramref name="language"/>.</summary>
    public static IOrganizationService UserService(this XrmEmulator emulator, int language) =>
        emulator.GetOrganizationService(emulator.CreateUser("Kim", language == German ? "Schulz" : "Smith", uiLanguageId: language, roles: ["Salesperson"]));

    /// <summary>The message a user of <paramref name="language"/> sees, built from the plug-ins' message constants.</summary>
    public static string Expected(UserText text, int language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language == German ? German : English), text.For(language), args);

    /// <summary>Runs <paramref name="action"/>, which must be refused by a plug-in, and returns the fault's message.</summary>
    public static string Refused(Action action)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
        return fault.Message;
    }

    /// <summary>Rows of the tables a refusal must leave untouched, as one comparable fingerprint.</summary>
    public static string Snapshot(XrmEmulator emulator) =>
        string.Join(
            "|",
            new[] { Lead.EntityName, Account.EntityName, Contact.EntityName, Opportunity.EntityName, LeadToOpportunitySalesProcess.EntityName, "annotation" }
                .Select(table => table + ":" + string.Join(
                    ";",
                    emulator.All(table)
                        .OrderBy(row => row.Id)
                        .Select(row => row.Id.ToString("N") + "@" + Convert.ToString(row.GetAttributeValue<object>("versionnumber"), CultureInfo.InvariantCulture)))));

    public static Entity QualifiableLead(string company = "Contoso", string? email = "kai@contoso.example")
    {
        var lead = new Entity(Lead.EntityName)
        {
            [Lead.Fields.Subject] = "50 bikes",
            ["firstname"] = "Kai",
            ["lastname"] = "Berg",
            [Lead.Fields.CompanyName] = company,
            [Lead.Fields.BudgetAmount] = new Money(5000m),
            [Lead.Fields.PurchaseTimeframe] = new OptionSetValue(1),
            [Lead.Fields.PurchaseProcess] = new OptionSetValue(0),
            [Lead.Fields.DecisionMaker] = true,
            [Lead.Fields.Need] = new OptionSetValue(2),
        };
        if (email is not null)
        {
            lead[Lead.Fields.EmailAddress1] = email;
        }

        return lead;
    }

    public static QualifyLeadRequest Qualify(Guid leadId, bool account, bool contact, bool opportunity, int status = -1) => new()
    {
        LeadId = new EntityReference(Lead.EntityName, leadId),
        CreateAccount = account,
        CreateContact = contact,
        CreateOpportunity = opportunity,
        Status = new OptionSetValue(status),
    };

    public static int State(this Entity row) => row.GetAttributeValue<OptionSetValue>("statecode").Value;

    public static int Status(this Entity row) => row.GetAttributeValue<OptionSetValue>("statuscode").Value;

    public static Guid? Ref(this Entity row, string column) => row.GetAttributeValue<EntityReference>(column)?.Id;
}
