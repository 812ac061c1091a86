using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.PowerShell.Cmdlets.Base;
using ModelHub.PowerShell.Completion;
using ModelHub.PowerShell.Output;

namespace ModelHub.PowerShell.Cmdlets;

/// <summary>Searches Civitai and Hugging Face at once and streams ModelHub.Model objects as pages arrive.</summary>
[Cmdlet(VerbsCommon.Find, "HubModel")]
[OutputType(typeof(Model))]
public sealed class FindHubModelCommand : ModelHubCmdlet
{
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    [Parameter]
    public Hub[]? Hub { get; set; }

    [Parameter]
    public ModelType[]? Type { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(BaseModelCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? BaseModel { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Tag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Author { get; set; }

    [Parameter]
    public ModelSort Sort { get; set; } = ModelSort.Relevance;

    [Parameter]
    public SearchPeriod Period { get; set; } = SearchPeriod.AllTime;

    [Parameter]
    public SwitchParameter IncludeNsfw { get; set; }

    [Parameter]
    [ValidateRange(1, 100_000)]
    public int First { get; set; } = 100;

    protected override void EndProcessing()
    {
        var settings = ReadSettings();
        var query = new ModelQuery
        {
            Text = Query,
            Types = Type ?? new ModelType[0],
            BaseModels = BaseModel ?? new string[0],
            Tags = Tag ?? new string[0],
            Author = Author,
            Sort = Sort,
            Period = Period,
            IncludeNsfw = IncludeNsfw,
            First = First,
        };
        var discovery = Runtime.Discovery;
        var requested = (Hub ?? new[] { ModelHub.Hub.Civitai, ModelHub.Hub.HuggingFace }).Distinct().ToArray();
        IReadOnlyList<Hub> hubs;
        IReadOnlyList<string> warnings;
        try
        {
            query = ModelDiscovery.UnderPolicy(query, settings.ContentPolicy);
            hubs = discovery.HubsFor(query, requested, out warnings);
        }
        catch (ModelHubException exception)
        {
            ThrowHubError(exception, Query);
            return;
        }

        Run(async (writer, cancellation) =>
        {
            foreach (var warning in warnings)
            {
                writer.Warning(warning);
            }

            var written = 0;
            await discovery.SearchAsync(query, hubs, new HubCallOptions { Trace = writer }, found =>
            {
                if (found.Error is { } error)
                {
                    writer.Error(error, found.Hub);
                    return true;
                }

                writer.Object(RawObject.Attach(found.Model!));
                return ++written < First;
            }, cancellation).ConfigureAwait(false);
        });
    }
}
