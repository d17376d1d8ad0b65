using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>Faults of the sales messages, built through the core <see cref="Faults"/> factory.</summary>
public static class SalesFaults
{
    /// <summary>Platform wording for qualifying a closed lead [TS-SALES error 5].</summary>
    public const string LeadClosedMessage = "The lead is closed. You cannot convert or qualify a lead that is already closed.";

    /// <summary>Platform wording when the BPF sits on a non-lead stage [TS-SALES error 3].</summary>
    public const string ActiveStageNotOnLeadMessage = "Active stage is not on 'lead' entity.";

    /// <summary>Closing an opportunity that is already won or lost [TS-SALES "The opportunity has already been closed"].</summary>
    public const string OpportunityClosedMessage = "The opportunity has already been closed. Reopen it before you close it again.";

    /// <summary>WinOpportunity / LoseOpportunity on an opportunity that is not open (code UNCONFIRMED: InvalidState).</summary>
    public static FaultException<OrganizationServiceFault> OpportunityClosed() => Faults.Create(Faults.InvalidState, OpportunityClosedMessage);

    /// <summary>A required request parameter is missing.</summary>
    public static FaultException<OrganizationServiceFault> MissingParameter(string message, string parameter) =>
        Faults.InvalidArgumentFault(Format("Required field '{0}' is missing for message '{1}'.", parameter, message));

    /// <summary>A request parameter has the wrong type or points at the wrong table.</summary>
    public static FaultException<OrganizationServiceFault> InvalidParameter(string parameter, string reason) =>
        Faults.InvalidArgumentFault(Format("Invalid value for parameter '{0}': {1}", parameter, reason));

    /// <summary>QualifyLead on a lead that is not open (code UNCONFIRMED: InvalidState).</summary>
    public static FaultException<OrganizationServiceFault> LeadClosed() => Faults.Create(Faults.InvalidState, LeadClosedMessage);

    /// <summary>QualifyLead while the lead's BPF instance is on an opportunity stage (code UNCONFIRMED: InvalidState).</summary>
    public static FaultException<OrganizationServiceFault> ActiveStageNotOnLead() => Faults.Create(Faults.InvalidState, ActiveStageNotOnLeadMessage);

    /// <summary>A BPF stage move that the process does not allow (code UNCONFIRMED: InvalidArgument).</summary>
    public static FaultException<OrganizationServiceFault> InvalidStageMove(string reason) =>
        Faults.InvalidArgumentFault("The business process flow cannot move to that stage: " + reason);

    /// <summary>Formats with the invariant culture.</summary>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
