using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.Discovery;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// Every filter of a <see cref="ModelQuery"/>, checked on the mapped results: Civitai's own filters are looser
/// (a base model of any version, one tag, types ignored with a text query) or missing (Other types, every tag).
/// </summary>
internal sealed class CivitaiResultFilter
{
    private readonly ModelQuery _query;
    private readonly IReadOnlyList<string> _tags;

    public CivitaiResultFilter(ModelQuery query)
    {
        _query = query;
        _tags = query.Tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Select(tag => tag.Trim()).ToArray();
    }

    public bool Accepts(Model model) =>
        (_query.Types.Count == 0 || _query.Types.Contains(model.Type))
        && (_query.BaseModels.Count == 0 || _query.BaseModels.Any(family => BaseModels.Matches(model.BaseModel, family)))
        && _tags.All(tag => model.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrWhiteSpace(_query.Author) || string.Equals(model.Author, _query.Author!.Trim(), StringComparison.OrdinalIgnoreCase))
        && (_query.IncludeNsfw || !model.Nsfw)
        && !(_query.ExcludeRealPeople && model.Poi);
}
