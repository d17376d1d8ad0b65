using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Tests;

/// <summary>Small helpers shared by the emulator tests.</summary>
internal static class TestSupport
{
    public static int FaultCode(Action action) => Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(action).Detail.ErrorCode;

    public static Entity Lead(string firstName = "Ada", string lastName = "Lovelace") =>
        new("lead") { ["firstname"] = firstName, ["lastname"] = lastName, ["subject"] = "Engines" };
}
