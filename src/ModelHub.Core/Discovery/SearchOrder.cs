using System;
using System.Collections.Generic;

namespace ModelHub.Discovery;

/// <summary>The order two hubs' results are merged in for a sort key: larger or newer first, unknown values last.</summary>
internal static class SearchOrder
{
    /// <summary>The comparer for a sort key; null for Relevance, where hubs interleave instead.</summary>
    public static IComparer<Model>? For(ModelSort sort) => sort switch
    {
        ModelSort.Downloads => Descending(model => model.Downloads),
        ModelSort.Likes => Descending(model => model.Likes),
        ModelSort.Rating => Descending(model => model.Rating),
        ModelSort.Newest => Descending(model => model.CreatedAt),
        ModelSort.Updated => Descending(model => model.UpdatedAt),
        ModelSort.Trending => null,
        _ => null,
    };

    private static IComparer<Model> Descending<T>(Func<Model, T?> key)
        where T : struct, IComparable<T> =>
        Comparer<Model>.Create((a, b) => (key(a), key(b)) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => y.CompareTo(x),
        });
}
