using System.Management.Automation;
using System.Net;
using System.Security;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Checks a token against its hub and keeps it for the session, or persists it where the hub's own tools look.</summary>
[Cmdlet(VerbsCommunications.Connect, "Hub", SupportsShouldProcess = true)]
[OutputType(typeof(HubAccount))]
public sealed class ConnectHubCommand : ModelHubCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public Hub Hub { get; set; }

    /// <summary>The token; a SecureString, so it is never a plain string on the command line or in the history.</summary>
    [Parameter(Mandatory = true, Position = 1, HelpMessage = "The hub token (Civitai API key, or a Hugging Face token), as a SecureString.")]
    public SecureString? Token { get; set; }

    /// <summary>Also keep the token on disk: Hugging Face in huggingface_hub's token file, Civitai in the state folder.</summary>
    [Parameter]
    public SwitchParameter Persist { get; set; }

    protected override void ProcessRecord()
    {
        var connections = Runtime.Connections;
        if (Persist && !ShouldProcess(connections.TokenFile(Hub), $"Save the {Hub} token"))
        {
            return;
        }

        var token = new NetworkCredential(string.Empty, Token).Password;
        Run(async (writer, cancellation) =>
        {
            try
            {
                writer.Object(await connections.ConnectAsync(Hub, token, Persist, new HubCallOptions { Trace = writer }, cancellation).ConfigureAwait(false));
            }
            catch (ModelHubException exception)
            {
                writer.Error(exception, Hub);
            }
        });
    }
}
