using System;
using LeadQualifyExtensions.Emulator.Metadata;
using LeadQualifyExtensions.Emulator.Sales.Bpf;
using LeadQualifyExtensions.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>
/// WinOpportunity and LoseOpportunity: the opportunityclose activity is created (its own Create steps fire) and
/// completed, the opportunity gets the won/lost state, the given status (−1 = the state's default), its actual revenue
/// and close date from the activity, and its Lead to Opportunity process finishes on the Close stage.
/// </summary>
internal static class CloseOpportunity
{
    /// <summary>OpportunityClose parameter.</summary>
    public const string OpportunityCloseParameter = "OpportunityClose";

    /// <summary>Status parameter.</summary>
    public const string StatusParameter = "Status";

    /// <summary>WinOpportunity.</summary>
    public static OrganizationResponse Win(ISalesContext context, OrganizationRequest request) => Close(context, request, OpportunityStates.Won);

    /// <summary>LoseOpportunity.</summary>
    public static OrganizationResponse Lose(ISalesContext context, OrganizationRequest request) => Close(context, request, OpportunityStates.Lost);

    private static OrganizationResponse Close(ISalesContext context, OrganizationRequest request, int state)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var message = request.RequestName;
        if (!request.Parameters.TryGetValue(OpportunityCloseParameter, out var value) || value is not Entity close)
        {
            throw SalesFaults.MissingParameter(message, OpportunityCloseParameter);
        }

        if (!string.Equals(close.LogicalName, "opportunityclose", StringComparison.Ordinal))
        {
            throw SalesFaults.InvalidParameter(OpportunityCloseParameter, "expected an opportunityclose entity.");
        }

        var requested = StateRules.OptionValue(request.Parameters.TryGetValue(StatusParameter, out var status) ? status : null)
            ?? throw SalesFaults.MissingParameter(message, StatusParameter);
        var reference = close.GetAttributeValue<EntityReference>("opportunityid")
            ?? throw SalesFaults.InvalidParameter(OpportunityCloseParameter, "opportunityid must name the opportunity to close.");
        var opportunity = context.Find("opportunity", reference.Id) ?? throw Faults.RecordNotFound("opportunity", reference.Id);
        if (StateRules.StateOf(opportunity) != OpportunityStates.Open)
        {
            throw SalesFaults.OpportunityClosed();
        }

        var resolved = StateRules.ResolveStatus(MetadataCatalog.Find("opportunity")!, state, requested);
        var closedOn = close.GetAttributeValue<DateTime?>("actualend") ?? context.UtcNow;

        var activity = EntityCloner.Clone(close);
        activity["actualend"] = closedOn;
        var activityId = (Guid)context.Execute(new CreateRequest { Target = activity }).Results["id"];
        context.WriteCore(new Entity("opportunityclose", activityId)
        {
            [SalesNames.StateCode] = new OptionSetValue(1),
            [SalesNames.StatusCode] = new OptionSetValue(2),
        });

        var changes = new Entity("opportunity", reference.Id)
        {
            [SalesNames.StateCode] = new OptionSetValue(state),
            [SalesNames.StatusCode] = new OptionSetValue(resolved),
            ["actualclosedate"] = closedOn,
        };
        if (close.GetAttributeValue<Money>("actualrevenue") is { } revenue)
        {
            changes["actualvalue"] = new Money(revenue.Value);
        }

        context.WriteCore(changes);
        BpfRules.FinishOnLastStage(context, "opportunity", reference.Id);
        return new OrganizationResponse { ResponseName = message };
    }
}
