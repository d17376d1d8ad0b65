using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Sales;

/// <summary>
/// Faults of the sales messages, built through the core <see cref="Faults"/> factory. Codes and texts marked "doc" are
/// from Microsoft's error-code list (MicrosoftDocs/powerapps-docs,
/// powerapps-docs/developer/data-platform/includes/data-service-error-codes.md).
/// </summary>
internal static class SalesFaults
{
    /// <summary>LeadAlreadyInClosedState 0x80040519 (doc): QualifyLead on a lead that is not open.</summary>
    public const int LeadAlreadyInClosedState = unchecked((int)0x80040519);

    /// <summary>ActiveStageIsNotOnLeadEntity 0x80100002 (doc): QualifyLead while the lead's process is on an opportunity stage.</summary>
    public const int ActiveStageIsNotOnLeadEntity = unchecked((int)0x80100002);

    /// <summary>InvalidStageTransition 0x80092003 (doc): the new stage is not next to the active one on the process path.</summary>
    public const int InvalidStageTransition = unchecked((int)0x80092003);

    /// <summary>ActiveStageIdDoesNotMatchLastStageInTraversedPath 0x80060455 (doc).</summary>
    public const int ActiveStageIdDoesNotMatchLastStageInTraversedPath = unchecked((int)0x80060455);

    /// <summary>InvalidStageTransitionOnInactiveInstance 0x80060377 (doc): stage move on a finished or aborted instance.</summary>
    public const int InvalidStageTransitionOnInactiveInstance = unchecked((int)0x80060377);

    /// <summary>InvalidCrossEntityOperation 0x80092004 (doc): a stage on another table without that table's record.</summary>
    public const int InvalidCrossEntityOperation = unchecked((int)0x80092004);

    /// <summary>ProcessInstanceNotFound 0x80060370 (doc): a given process instance that is not one of the record's.</summary>
    public const int ProcessInstanceNotFound = unchecked((int)0x80060370);

    /// <summary>The documented text of LeadAlreadyInClosedState.</summary>
    public const string LeadClosedMessage = "The lead is already closed.";

    /// <summary>The documented text of ActiveStageIsNotOnLeadEntity (also quoted by Microsoft's lead-qualification troubleshooting article).</summary>
    public const string ActiveStageNotOnLeadMessage = "Active stage is not on 'Lead' entity.";

    /// <summary>The documented text of InvalidStageTransitionOnInactiveInstance.</summary>
    public const string InactiveInstanceMessage = "Invalid stage transition. Stage transition is not allowed on inactive processes.";

    /// <summary>The documented text of InvalidCrossEntityOperation.</summary>
    public const string CrossEntityMessage = "Invalid cross-entity stage transition. Target entity must be specified.";

    /// <summary>Closing an opportunity that is already won or lost [TS-SALES "The opportunity has already been closed"].</summary>
    public const string OpportunityClosedMessage = "The opportunity has already been closed. Reopen it before you close it again.";

    /// <summary>WinOpportunity / LoseOpportunity on an opportunity that is not open (code UNCONFIRMED (U3): InvalidState).</summary>
    public static FaultException<OrganizationServiceFault> OpportunityClosed() => Faults.Create(Faults.InvalidState, OpportunityClosedMessage);

    /// <summary>A required request parameter is missing (code UNCONFIRMED (U3): InvalidArgument).</summary>
    public static FaultException<OrganizationServiceFault> MissingParameter(string message, string parameter) =>
        Faults.InvalidArgumentFault(Format("Required field '{0}' is missing for message '{1}'.", parameter, message));

    /// <summary>A request parameter has the wrong type or points at the wrong table.</summary>
    public static FaultException<OrganizationServiceFault> InvalidParameter(string parameter, string reason) =>
        Faults.InvalidArgumentFault(Format("Invalid value for parameter '{0}': {1}", parameter, reason));

    /// <summary>QualifyLead on a lead that is not open.</summary>
    public static FaultException<OrganizationServiceFault> LeadClosed() => Faults.Create(LeadAlreadyInClosedState, LeadClosedMessage);

    /// <summary>QualifyLead with CreateOpportunity while the lead's process instance is on an opportunity stage.</summary>
    public static FaultException<OrganizationServiceFault> ActiveStageNotOnLead() => Faults.Create(ActiveStageIsNotOnLeadEntity, ActiveStageNotOnLeadMessage);

    /// <summary>A stage that is not on the path, or not next to (or right before) the active stage; text as documented.</summary>
    public static FaultException<OrganizationServiceFault> InvalidStageTransitionTo(string stage) =>
        Faults.Create(InvalidStageTransition, Format("Invalid stage transition. Transition to stage {0} is not in the process active path.", stage));

    /// <summary>A traversed path that does not end with the new active stage; text as documented.</summary>
    public static FaultException<OrganizationServiceFault> PathDoesNotEndWithStage(Guid stageId, string path) =>
        Faults.Create(ActiveStageIdDoesNotMatchLastStageInTraversedPath, Format(
            "Active Stage ID '{0}' does not match last Stage ID in Traversed Path '{1}'. Please contact your system administrator.", stageId, path));

    /// <summary>A stage move, or finishing, on an instance that is finished or aborted.</summary>
    public static FaultException<OrganizationServiceFault> InactiveInstance() => Faults.Create(InvalidStageTransitionOnInactiveInstance, InactiveInstanceMessage);

    /// <summary>A stage on another table while the instance has no record of that table.</summary>
    public static FaultException<OrganizationServiceFault> CrossEntityWithoutTarget() => Faults.Create(InvalidCrossEntityOperation, CrossEntityMessage);

    /// <summary>A process instance that is not one of the record's; text as documented.</summary>
    public static FaultException<OrganizationServiceFault> InstanceNotFound(Guid instanceId, string record) =>
        Faults.Create(ProcessInstanceNotFound, Format("Supplied process instance {0} does not match any existing instance on this entity {1}", instanceId, record));

    /// <summary>ActiveStageIDIsNull 0x80060449 (doc): an Update that clears activestageid.</summary>
    public const int ActiveStageIdIsNull = unchecked((int)0x80060449);

    /// <summary>activestageid cleared; text as documented.</summary>
    public static FaultException<OrganizationServiceFault> ActiveStageCleared() =>
        Faults.Create(ActiveStageIdIsNull, "Error updating the Business Process: Active Stage ID cannot be empty.");

    /// <summary>
    /// Finished (1/2) while the instance is not on its last stage: InvalidStageTransition, the listed code nearest to it
    /// (the code and the text are UNCONFIRMED (U3); the rule is the audit's, issue 20).
    /// </summary>
    public static FaultException<OrganizationServiceFault> FinishBeforeLastStage(string lastStage) =>
        Faults.Create(InvalidStageTransition, Format("Invalid stage transition. The process can be finished only on its last stage, {0}.", lastStage));

    /// <summary>Formats with the invariant culture.</summary>
    internal static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
