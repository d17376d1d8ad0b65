namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>Kinds of JSON values.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Boolean,
    Number,
    Null,
}
