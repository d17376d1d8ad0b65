using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Plugins.Model;

/// <summary>
/// The built-in Lead to Opportunity Sales Process: its definition, stages and instance table. The ids ship with
/// Dynamics 365 Sales and are the same in every environment (lead-semantics §5.2).
/// </summary>
public static class LeadToOpportunitySalesProcess
{
    /// <summary>Logical name of the instance table.</summary>
    public const string EntityName = "leadtoopportunitysalesprocess";

    /// <summary>The process definition (workflow) id.</summary>
    public static readonly Guid ProcessId = new("919e14d1-6489-4852-abd0-a63a6ecaac5d");

    /// <summary>Columns of an instance.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string InstanceId = "businessprocessflowinstanceid";

        /// <summary>The process definition.</summary>
        public const string ProcessId = "processid";

        /// <summary>The lead the instance started on.</summary>
        public const string LeadId = "leadid";

        /// <summary>The opportunity the instance moved to on qualification.</summary>
        public const string OpportunityId = "opportunityid";

        /// <summary>The active stage.</summary>
        public const string ActiveStageId = "activestageid";

        /// <summary>Comma-separated ids of the stages visited, in order.</summary>
        public const string TraversedPath = "traversedpath";

        /// <summary>Active (0) or Inactive (1).</summary>
        public const string StateCode = "statecode";

        /// <summary>Active (1), Finished (2) or Aborted (3).</summary>
        public const string StatusCode = "statuscode";

        /// <summary>The active stage id in RetrieveProcessInstances results.</summary>
        public const string ProcessStageId = "processstageid";
    }

    /// <summary>Stage ids.</summary>
    public static class Stages
    {
        /// <summary>Qualify, on the lead.</summary>
        public static readonly Guid Qualify = new("f99b4d48-7aad-456e-864a-8e7d543f7495");

        /// <summary>Develop, on the opportunity.</summary>
        public static readonly Guid Develop = new("bfc9108c-8389-406b-9166-2c3298a2e41f");

        /// <summary>Propose, on the opportunity.</summary>
        public static readonly Guid Propose = new("3a275c22-fc45-4e89-97fc-41e5ec578743");

        /// <summary>Close, on the opportunity.</summary>
        public static readonly Guid Close = new("7f5247fe-cfc3-42bc-aa77-b1d836d9b7c0");

        /// <summary>The stages in path order (the process has no branches).</summary>
        public static IReadOnlyList<Guid> InOrder { get; } = new[] { Qualify, Develop, Propose, Close };
    }
}

/// <summary>Process instance statecode values.</summary>
public enum ProcessInstanceState
{
    /// <summary>Active.</summary>
    Active = 0,

    /// <summary>Inactive (finished or aborted).</summary>
    Inactive = 1,
}

/// <summary>Process instance statuscode values.</summary>
public enum ProcessInstanceStatus
{
    /// <summary>Active (state Active).</summary>
    Active = 1,

    /// <summary>Finished (state Inactive).</summary>
    Finished = 2,

    /// <summary>Aborted (state Inactive).</summary>
    Aborted = 3,
}

/// <summary>The processstage table.</summary>
public static class ProcessStage
{
    /// <summary>Logical name.</summary>
    public const string EntityName = "processstage";

    /// <summary>Columns.</summary>
    public static class Fields
    {
        /// <summary>Primary id.</summary>
        public const string ProcessStageId = "processstageid";

        /// <summary>The stage's display name.</summary>
        public const string StageName = "stagename";

        /// <summary>The table the stage is on.</summary>
        public const string PrimaryEntityTypeCode = "primaryentitytypecode";
    }
}
