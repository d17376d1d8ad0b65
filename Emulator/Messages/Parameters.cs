using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Messages;

/// <summary>Reads request parameters with the platform's fault when one is missing or of the wrong type.</summary>
internal static class Parameters
{
    public static T Required<T>(OrganizationRequest request, string name)
        where T : class =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgumentFault($"Required field '{name}' is missing or is not a {typeof(T).Name}.");

    public static T? Optional<T>(OrganizationRequest request, string name)
        where T : class =>
        request.Parameters.TryGetValue(name, out var value) ? value as T : null;
}
