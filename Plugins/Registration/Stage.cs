namespace LeadQualifyExtensions.Plugins.Registration;

/// <summary>Pipeline stages that accept custom steps, with the platform's numbers.</summary>
public enum Stage
{
    /// <summary>Before the main operation, outside the database transaction for a top-level call.</summary>
    PreValidation = 10,

    /// <summary>Before the main operation, inside the transaction: the place to change the request.</summary>
    PreOperation = 20,

    /// <summary>After the main operation; output parameters are available.</summary>
    PostOperation = 40,
}
