namespace Microsoft.Xrm.Sdk.Extensions;

/// <summary>Helpers for reading the plug-in execution context.</summary>
public static class ContextExtensions
{
    /// <summary>Gets an input parameter as <typeparamref name="T"/>, or the default when missing or of another type.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="context">The execution context.</param>
    /// <param name="parameterName">The parameter name.</param>
    /// <returns>The value or the default of <typeparamref name="T"/>.</returns>
    public static T InputParameterOrDefault<T>(this IPluginExecutionContext context, string parameterName)
    {
        if (context?.InputParameters is not null
            && context.InputParameters.TryGetValue(parameterName, out var value)
            && value is T typed)
        {
            return typed;
        }

        return default!;
    }
}
