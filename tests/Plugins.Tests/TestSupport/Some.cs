using System;
using LeadQualifyExtensions.Plugins.Model;
using LeadQualifyExtensions.Plugins.Policy;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Tests.TestSupport;

/// <summary>Values that do not matter to the test, and builders with valid defaults.</summary>
internal static class Some
{
    public static EntityReference AccountRef() => new(Account.EntityName, Guid.NewGuid());

    public static EntityReference ContactRef() => new(Contact.EntityName, Guid.NewGuid());

    public static QualificationPolicy Policy(string json) =>
        QualificationPolicy.Parse(json).Policy ?? throw new ArgumentException("Invalid test policy", nameof(json));

    /// <summary>An open lead with every default required field filled, a company name and an email.</summary>
    public static Entity QualifiableLead(Guid? id = null)
    {
        var lead = new Entity(Lead.EntityName, id ?? Guid.NewGuid());
        lead[Lead.Fields.StateCode] = new OptionSetValue((int)LeadState.Open);
        lead[Lead.Fields.CompanyName] = "Contoso";
        lead[Lead.Fields.EmailAddress1] = "kai@contoso.example";
        lead[Lead.Fields.BudgetAmount] = new Money(5000m);
        lead[Lead.Fields.PurchaseTimeframe] = new OptionSetValue(1);
        lead[Lead.Fields.PurchaseProcess] = new OptionSetValue(0);
        lead[Lead.Fields.DecisionMaker] = true;
        lead[Lead.Fields.Need] = new OptionSetValue(2);
        return lead;
    }
}
