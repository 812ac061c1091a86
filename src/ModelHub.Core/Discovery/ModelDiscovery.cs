using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Errors;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Discovery;

/// <summary>
/// Searches several hubs at once and merges their streams lazily: in the sort key's order, or interleaved
/// for relevance. A hub that fails ends its own stream with an error event; the others go on.
/// </summary>
public sealed class ModelDiscovery
{
    private readonly IReadOnlyDictionary<Hub, IModelSource> _sources;

    public ModelDiscovery(IEnumerable<IModelSource> sources)
    {
        _sources = sources.ToDictionary(source => source.Hub);
    }

    /// <summary>
    /// The query under the content policy: Strict refuses NSFW (<see cref="ErrorIds.ContentPolicyViolation"/>)
    /// and leaves out models depicting real people.
    /// </summary>
    public static ModelQuery UnderPolicy(ModelQuery query, ContentPolicy policy)
    {
        if (policy != ContentPolicy.Strict)
        {
            return query;
        }

        if (query.IncludeNsfw)
        {
            throw new ModelHubException(ErrorIds.ContentPolicyViolation, HubErrorCategory.PermissionDenied, Messages.NsfwRefused, Messages.NsfwRefusedAction);
        }

        return query with { ExcludeRealPeople = true };
    }

    /// <summary>Searches and hands each result (or hub failure) to <paramref name="receive"/> until it returns false or the results end.</summary>
    public async Task SearchAsync(ModelQuery query, IReadOnlyList<Hub> hubs, HubCallOptions options, Func<SearchEvent, bool> receive, CancellationToken cancellationToken)
    {
        await foreach (var found in SearchAsync(query, hubs, options, cancellationToken).ConfigureAwait(false))
        {
            if (!receive(found))
            {
                return;
            }
        }
    }

    /// <summary>One model with all its versions and files.</summary>
    public Task<Model> GetModelAsync(ModelReference reference, HubCallOptions options, CancellationToken cancellationToken) =>
        _sources[reference.Hub].GetModelAsync(reference.Id, options, cancellationToken);

    /// <summary>Hands a model's versions, newest first, to <paramref name="receive"/> until it returns false.</summary>
    public Task GetVersionsAsync(ModelReference reference, bool all, HubCallOptions options, Func<ModelVersion, bool> receive, CancellationToken cancellationToken) =>
        DeliverAsync(_sources[reference.Hub].GetVersionsAsync(reference.Id, all, options, cancellationToken), receive);

    /// <summary>The user name behind a token; a token the hub refuses is HubTokenInvalid.</summary>
    public Task<string> WhoAmIAsync(Hub hub, string token, HubCallOptions options, CancellationToken cancellationToken) =>
        _sources[hub].WhoAmIAsync(token, options, cancellationToken);

    /// <summary>The hub's JSON record of one version, as returned (see <see cref="IModelSource.GetVersionRecordAsync"/>).</summary>
    public Task<string> GetVersionRecordAsync(Hub hub, string modelId, string versionId, HubCallOptions options, CancellationToken cancellationToken) =>
        _sources[hub].GetVersionRecordAsync(modelId, versionId, options, cancellationToken);

    /// <summary>Hands a version's files (the latest version's when none is named) to <paramref name="receive"/>.</summary>
    public Task GetFilesAsync(ModelReference reference, string? versionId, HubCallOptions options, Action<ModelFile> receive, CancellationToken cancellationToken) =>
        DeliverAsync(_sources[reference.Hub].GetFilesAsync(reference.Id, versionId ?? reference.VersionId, options, cancellationToken), file =>
        {
            receive(file);
            return true;
        });

    /// <summary>
    /// The hubs that can answer the query in its order. Hubs that cannot are left out with a warning; when
    /// every requested hub would be left out, that is an error (<see cref="ErrorIds.SortNotSupported"/>).
    /// </summary>
    public IReadOnlyList<Hub> HubsFor(ModelQuery query, IReadOnlyCollection<Hub> requested, out IReadOnlyList<string> warnings)
    {
        var able = requested.Where(hub => _sources[hub].CanSort(query.Sort)).ToArray();
        var left = requested.Except(able).ToArray();
        if (able.Length == 0)
        {
            throw new ModelHubException(ErrorIds.SortNotSupported, HubErrorCategory.InvalidArgument,
                Text.Format(Messages.SortNotSupported, string.Join(", ", left), query.Sort),
                Messages.SortNotSupportedAction);
        }

        warnings = left.Select(hub => Text.Format(Messages.HubLeftOutForSort, hub, query.Sort)).ToArray();
        return able;
    }

    /// <summary>The hubs' results for the query, merged; each hub is asked for its first page at once.</summary>
    public async IAsyncEnumerable<SearchEvent> SearchAsync(ModelQuery query, IReadOnlyList<Hub> hubs, HubCallOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Stopping early cancels the pages still in flight before the streams are disposed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = hubs.Select(hub => new HubStream(hub, _sources[hub].SearchAsync(query, options, stop.Token).GetAsyncEnumerator(stop.Token))).ToList();
        try
        {
            foreach (var stream in streams)
            {
                stream.Advance();
            }

            var order = SearchOrder.For(query.Sort);
            while (streams.Count > 0)
            {
                var next = order is null ? await NextInterleavedAsync(streams).ConfigureAwait(false) : await NextInOrderAsync(streams, order).ConfigureAwait(false);
                if (next.Error is { } error)
                {
                    streams.Remove(next);
                    yield return SearchEvent.Failed(next.Hub, error);
                    continue;
                }

                if (!next.HasCurrent)
                {
                    streams.Remove(next);
                    continue;
                }

                var model = next.Current;
                next.Advance();
                yield return SearchEvent.Found(model);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The hubs this engine asks.</summary>
    public IReadOnlyCollection<Hub> Hubs => _sources.Keys.ToArray();

    /// <summary>The files <paramref name="hub"/> knows by these SHA-256 hashes (see <see cref="IModelSource.FindByHashAsync"/>).</summary>
    public Task<IReadOnlyList<HashMatch>> FindByHashAsync(Hub hub, IReadOnlyList<string> sha256, HubCallOptions options, CancellationToken cancellationToken) =>
        _sources[hub].FindByHashAsync(sha256, options, cancellationToken);

    /// <summary>A model's card.</summary>
    public Task<ModelCard> GetCardAsync(ModelReference reference, string? versionId, HubCallOptions options, CancellationToken cancellationToken) =>
        _sources[reference.Hub].GetCardAsync(reference.Id, versionId ?? reference.VersionId, options, cancellationToken);

    /// <summary>Hands a model's sample images to <paramref name="receive"/> until it returns false.</summary>
    public Task GetImagesAsync(ModelReference reference, string? versionId, bool includeNsfw, HubCallOptions options, Func<ModelImage, bool> receive, CancellationToken cancellationToken) =>
        DeliverAsync(_sources[reference.Hub].GetImagesAsync(reference.Id, versionId ?? reference.VersionId, includeNsfw, options, cancellationToken), receive);

    // The PowerShell layer takes results through callbacks: it cannot name IAsyncEnumerable, whose
    // assembly lives only in the module's own load context.
    private static async Task DeliverAsync<T>(IAsyncEnumerable<T> items, Func<T, bool> receive)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (!receive(item))
            {
                return;
            }
        }
    }

    /// <summary>Relevance: the hubs take turns; a hub whose results ended (or failed) drops out.</summary>
    private static async Task<HubStream> NextInterleavedAsync(List<HubStream> streams)
    {
        var next = streams[0];
        streams.RemoveAt(0);
        streams.Add(next);
        await next.Pending.ConfigureAwait(false);
        return next;
    }

    /// <summary>A sort key: every hub's next result is needed to know which comes first.</summary>
    private static async Task<HubStream> NextInOrderAsync(List<HubStream> streams, IComparer<Model> order)
    {
        await Task.WhenAll(streams.Select(stream => stream.Pending)).ConfigureAwait(false);
        var settled = streams.FirstOrDefault(stream => stream.Error is not null || !stream.HasCurrent);
        return settled ?? streams.Aggregate((best, stream) => order.Compare(stream.Current, best.Current) < 0 ? stream : best);
    }

    /// <summary>One hub's results with the next one requested ahead (the source pages lazily behind it).</summary>
    private sealed class HubStream : IAsyncDisposable
    {
        private readonly IAsyncEnumerator<Model> _results;

        public HubStream(Hub hub, IAsyncEnumerator<Model> results)
        {
            Hub = hub;
            _results = results;
        }

        public Hub Hub { get; }

        public Task Pending { get; private set; } = Task.CompletedTask;

        public bool IsReady => Pending.IsCompleted;

        public bool HasCurrent { get; private set; }

        public Model Current => _results.Current;

        public ModelHubException? Error { get; private set; }

        public void Advance() => Pending = MoveAsync();

        /// <summary>Waits for the request in flight (already cancelled) to end, then disposes the hub's stream.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await Pending.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await _results.DisposeAsync().ConfigureAwait(false);
        }

        private async Task MoveAsync()
        {
            try
            {
                HasCurrent = await _results.MoveNextAsync().ConfigureAwait(false);
            }
            catch (ModelHubException exception)
            {
                Error = exception;
            }
        }
    }
}
