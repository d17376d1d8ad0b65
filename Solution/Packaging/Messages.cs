using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Packaging;

/// <summary>Per-message registration facts from Microsoft's documentation (Register a plug-in).</summary>
public static class Messages
{
    private static readonly HashSet<string> ImageMessages = new(StringComparer.Ordinal)
    {
        "Assign", "Create", "Delete", "DeliverIncoming", "DeliverPromote", "Merge", "Route", "Send",
        "SetState", "SetStateDynamicEntity", "Update",
    };

    /// <summary>Whether steps on the message may have entity images.</summary>
    public static bool SupportsImages(string message) => ImageMessages.Contains(message);

    /// <summary>Whether the message supports filtering attributes (only Update does).</summary>
    public static bool SupportsFilteringAttributes(string message) => string.Equals(message, "Update", StringComparison.Ordinal);

    /// <summary>The request property an image of the message is taken from.</summary>
    public static string ImagePropertyName(string message) => message switch
    {
        "SetState" or "SetStateDynamicEntity" => "EntityMoniker",
        _ => "Target",
    };
}
