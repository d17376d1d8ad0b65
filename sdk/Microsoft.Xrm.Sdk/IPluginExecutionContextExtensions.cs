namespace Microsoft.Xrm.Sdk;

/// <summary>Transaction helpers over <see cref="IPluginExecutionContext"/>.</summary>
public static class IPluginExecutionContextExtensions
{
    /// <summary>Returns whether the platform runs this step inside its automatic (main) transaction.</summary>
    /// <param name="context">The execution context.</param>
    /// <returns><see langword="true"/> when the step is in a transaction.</returns>
    public static bool IsAutoTransact(this IPluginExecutionContext context)
    {
        return context is not null && context.IsInTransaction;
    }

    /// <summary>Returns whether the step runs within the main operation's transaction (pre-operation or post-operation synchronous).</summary>
    /// <param name="context">The execution context.</param>
    /// <returns><see langword="true"/> when within the main transaction.</returns>
    public static bool IsWithinMainTransaction(this IPluginExecutionContext context)
    {
        return context is not null && context.IsInTransaction && context.Stage is 20 or 40;
    }
}
