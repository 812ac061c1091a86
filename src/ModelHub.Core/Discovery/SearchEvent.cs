using ModelHub.Errors;

namespace ModelHub.Discovery;

/// <summary>One thing a search across hubs produces: a model, or the failure that ended one hub's results.</summary>
public sealed class SearchEvent
{
    private SearchEvent(Hub hub, Model? model, ModelHubException? error)
    {
        Hub = hub;
        Model = model;
        Error = error;
    }

    public Hub Hub { get; }

    public Model? Model { get; }

    /// <summary>Set when this hub failed; the other hubs' results keep coming.</summary>
    public ModelHubException? Error { get; }

    public static SearchEvent Found(Model model) => new(model.Hub, model, null);

    public static SearchEvent Failed(Hub hub, ModelHubException error) => new(hub, null, error);
}
