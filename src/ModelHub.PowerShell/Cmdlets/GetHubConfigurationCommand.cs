using System.Management.Automation;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Shows the effective configuration: each hub's endpoint and token source, retry settings and the
/// state folder. An insecure endpoint is reported as a non-terminating InsecureEndpoint error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HubConfiguration")]
[OutputType(typeof(Configuration))]
public sealed class GetHubConfigurationCommand : ModelHubCmdlet
{
    protected override void EndProcessing()
    {
        var settings = ReadSettings();
        foreach (var endpoint in new[] { settings.Civitai, settings.HuggingFace })
        {
            if (!endpoint.IsSecure)
            {
                WriteHubError(endpoint.InsecureEndpointError(), endpoint.Uri);
            }
        }

        WriteObject(Runtime.Describe(settings));
    }
}
