using System;

namespace Microsoft.Xrm.Sdk.Extensions;

/// <summary>Typed helpers over the plug-in service provider.</summary>
public static class ServiceProviderExtensions
{
    /// <summary>Gets the service of type <typeparamref name="T"/> (or the default when not provided).</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="serviceProvider">The service provider passed to <see cref="IPlugin.Execute(IServiceProvider)"/>.</param>
    /// <returns>The service.</returns>
    public static T Get<T>(this IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new ArgumentNullException(nameof(serviceProvider));
        }

        var service = serviceProvider.GetService(typeof(T));
        return service is T typed ? typed : default!;
    }

    /// <summary>Creates an organization service for the given user through <see cref="IOrganizationServiceFactory"/>.</summary>
    /// <param name="serviceProvider">The service provider.</param>
    /// <param name="id">The system user id.</param>
    /// <returns>The organization service.</returns>
    public static IOrganizationService GetOrganizationService(this IServiceProvider serviceProvider, Guid id)
    {
        var factory = serviceProvider.Get<IOrganizationServiceFactory>()
            ?? throw new InvalidOperationException("The service provider does not provide an IOrganizationServiceFactory.");
        return factory.CreateOrganizationService(id);
    }
}
