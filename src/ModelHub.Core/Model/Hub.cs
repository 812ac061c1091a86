namespace ModelHub;

/// <summary>The model hubs ModelHub speaks to.</summary>
public enum Hub
{
    Civitai,
    HuggingFace,
}
