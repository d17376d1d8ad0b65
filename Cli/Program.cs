using System;
using LeadQualifyExtensions.Cli;

return LqxApp.Run(args, Console.IsOutputRedirected);
