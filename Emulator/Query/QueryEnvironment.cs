using System;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>Ambient values a query may depend on: the emulator clock, the calling user and their business unit.</summary>
/// <param name="UtcNow">The emulator's current time (for relative date operators).</param>
/// <param name="UserId">The calling user (for eq-userid and similar operators).</param>
/// <param name="BusinessUnitId">The calling user's business unit (for eq-businessid).</param>
internal sealed record QueryEnvironment(DateTime UtcNow, Guid UserId, Guid BusinessUnitId);
