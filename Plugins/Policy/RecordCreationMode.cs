namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>Whether qualification creates an account, contact or opportunity.</summary>
public enum RecordCreationMode
{
    /// <summary>As the caller asked (the CreateAccount / CreateContact / CreateOpportunity flag).</summary>
    AsRequested,

    /// <summary>Always, even when the caller did not ask.</summary>
    Always,

    /// <summary>Never, even when the caller asked.</summary>
    Never,
}
