using System.Management.Automation;
using ModelHub.PowerShell.Cmdlets.Base;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Forgets a hub's session token and, with -Persisted, deletes its token file.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Hub", SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class DisconnectHubCommand : ModelHubCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public Hub Hub { get; set; }

    /// <summary>Also delete the persisted token (for Hugging Face: huggingface_hub's token file, which logs out the hf CLI too).</summary>
    [Parameter]
    public SwitchParameter Persisted { get; set; }

    protected override void ProcessRecord()
    {
        var target = Persisted ? Runtime.Connections.TokenFile(Hub) : Hub.ToString();
        if (ShouldProcess(target, Persisted ? $"Forget the {Hub} token and delete its file" : $"Forget the {Hub} session token"))
        {
            Runtime.Connections.Disconnect(Hub, Persisted);
        }
    }
}
