using System;
using System.Activities;
using System.Diagnostics;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Workflows;

/// <summary>
/// The base of our activities: traces entry and exit and applies one exception policy.
/// <see cref="InvalidPluginExecutionException"/> passes through unchanged, so the process shows its message, and so
/// does a plug-in's refusal of a request the activity made (the qualification policy speaks to the user through it);
/// anything else is traced and replaced by a generic message in the user's language.
/// </summary>
public abstract class LeadQualificationActivity : CodeActivity
{
    /// <summary>The platform's error code for a request a plug-in refused with InvalidPluginExecutionException.</summary>
    private const int IsvAborted = unchecked((int)0x80040265);

    /// <inheritdoc />
    protected sealed override void Execute(CodeActivityContext context)
    {
        var run = new ActivityRun(context);
        var timer = Stopwatch.StartNew();
        run.Trace.Trace(
            "Entered {0}: {1} {2}, mode {3}, depth {4}",
            GetType().Name,
            run.Workflow.PrimaryEntityName,
            run.Workflow.PrimaryEntityId,
            run.Workflow.WorkflowMode,
            run.Workflow.Depth);
        try
        {
            Run(run);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (FaultException<OrganizationServiceFault> refusal) when (refusal.Detail?.ErrorCode == IsvAborted)
        {
            run.Trace.Trace("A plug-in refused the request: {0}", refusal.Message);
            throw new InvalidPluginExecutionException(refusal.Detail.Message ?? refusal.Message, refusal);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            run.Trace.Trace("Unexpected error: {0}", exception);
            throw new InvalidPluginExecutionException(run.Text(ActivityTexts.Unexpected), exception);
        }
        finally
        {
            run.Trace.Trace("Exited {0} after {1} ms", GetType().Name, timer.ElapsedMilliseconds);
        }
    }

    /// <summary>Does the activity's work.</summary>
    protected abstract void Run(ActivityRun run);
}
