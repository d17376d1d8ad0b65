using Microsoft.Xrm.Sdk.Client;

// Early-bound classes of this test assembly, in the shape `pac modelbuilder build` generates (hand-written: test fixture only).
[assembly: ProxyTypesAssembly]
