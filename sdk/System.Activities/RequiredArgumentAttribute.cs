namespace System.Activities;

/// <summary>Marks an argument property whose value must be supplied when the activity runs (stand-in).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredArgumentAttribute : Attribute
{
}
