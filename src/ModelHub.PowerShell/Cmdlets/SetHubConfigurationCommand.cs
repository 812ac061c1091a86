using System;
using System.Linq;
using System.Management.Automation;
using ModelHub.Errors;
using ModelHub.PowerShell.Cmdlets.Base;
using ModelHub.PowerShell.Validation;
using ModelHub.Settings;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>
/// Stores defaults in the state folder's settings.json: the tool and its folder, the content policy and the
/// retry settings. -Reset removes the named settings, or all of them.
/// </summary>
[Cmdlet(VerbsCommon.Set, "HubConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(Configuration))]
public sealed class SetHubConfigurationCommand : ModelHubCmdlet
{
    [Parameter]
    public Tool? Tool { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ToolRoot { get; set; }

    [Parameter]
    public ContentPolicy? ContentPolicy { get; set; }

    [Parameter]
    [ValidateRange(0, RetrySettings.MostRetries)]
    public int? MaxRetries { get; set; }

    [Parameter]
    [Seconds]
    [ValidateDelay]
    public TimeSpan? RetryBaseDelay { get; set; }

    [Parameter]
    [Seconds]
    [ValidateDelay]
    public TimeSpan? RetryMaxDelay { get; set; }

    [Parameter]
    [Seconds]
    [ValidateDelay]
    public TimeSpan? AttemptTimeout { get; set; }

    [Parameter]
    [Seconds]
    [ValidateDelay]
    public TimeSpan? Timeout { get; set; }

    [Parameter]
    [Seconds]
    [ValidateDelay]
    public TimeSpan? ReadIdleTimeout { get; set; }

    [Parameter]
    public SwitchParameter Reset { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var stateFolder = ReadSettings().StateFolder;
        var named = PersistedSettings.Names.Where(MyInvocation.BoundParameters.ContainsKey).ToArray();
        var values = Reset ? null : new PersistedSettings
        {
            Tool = Tool,
            ToolRoot = ToolRoot is null ? null : GetUnresolvedProviderPathFromPSPath(ToolRoot),
            ContentPolicy = ContentPolicy,
            MaxRetries = MaxRetries,
            RetryBaseDelay = RetryBaseDelay,
            RetryMaxDelay = RetryMaxDelay,
            AttemptTimeout = AttemptTimeout,
            Timeout = Timeout,
            ReadIdleTimeout = ReadIdleTimeout,
        };

        var path = PersistedSettings.PathIn(stateFolder);
        if (!ShouldProcess(path, PersistedSettings.UpdateAction))
        {
            return;
        }

        try
        {
            if (values is null)
            {
                PersistedSettings.Remove(stateFolder, named.Length == 0 ? PersistedSettings.Names : named);
            }
            else
            {
                PersistedSettings.Store(stateFolder, values);
            }
        }
        catch (ModelHubException exception)
        {
            WriteHubError(exception, path);
            return;
        }

        if (PassThru)
        {
            WriteObject(Runtime.Describe(ReadSettings()));
        }
    }
}
