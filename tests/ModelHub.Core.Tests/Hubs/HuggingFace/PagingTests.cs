using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Settings;
using ModelHub.Tests.Fakes;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>Link paging: followed to the last page, lazily, with the hub's token rules on every page.</summary>
public sealed class PagingTests : IDisposable
{
    private const string First = "https://hf.example/api/models?limit=100&";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Fact]
    public async Task Follows_the_link_to_the_last_page()
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Page(Models(1, 2), "https://hf.example/api/models?limit=2&expand=sha&cursor=eyJvZmZzZXQiOjJ9"),
            () => HfSourceFixture.Page(Models(3, 4), "https://hf.example/api/models?limit=2&expand=sha&cursor=eyJvZmZzZXQiOjR9"),
            () => HfSourceFixture.Page(Models(5), next: null));

        var ids = await IdsAsync(new ModelQuery());

        Assert.Equal(new[] { "org/m1", "org/m2", "org/m3", "org/m4", "org/m5" }, ids);
        Assert.Equal(3, _hf.Requested.Count);
        Assert.StartsWith(First, _hf.Requested[0]);
        Assert.Equal("https://hf.example/api/models?limit=2&expand=sha&cursor=eyJvZmZzZXQiOjJ9", _hf.Requested[1]);
        Assert.Equal("https://hf.example/api/models?limit=2&expand=sha&cursor=eyJvZmZzZXQiOjR9", _hf.Requested[2]);
    }

    [Fact]
    public async Task Sends_nothing_before_the_first_item_is_asked_for()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1, 2, 3), "https://hf.example/api/models?cursor=2"));

        await using var results = _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).GetAsyncEnumerator();
        Assert.Empty(_hf.Requested);

        Assert.True(await results.MoveNextAsync());
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Taking_three_items_sends_one_request()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1, 2, 3, 4, 5), "https://hf.example/api/models?cursor=2"), () => HfSourceFixture.Page(Models(6), null));

        var ids = await _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).Take(3).Select(model => model.Id).ToArrayAsync();

        Assert.Equal(new[] { "org/m1", "org/m2", "org/m3" }, ids);
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Reading_a_whole_page_and_stopping_never_requests_the_next()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1, 2, 3), "https://hf.example/api/models?cursor=2"), () => HfSourceFixture.Page(Models(4), null));

        Assert.Equal(3, (await _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).Take(3).ToListAsync()).Count);
        Assert.Single(_hf.Requested);
    }

    [Fact]
    public async Task Requests_the_next_page_only_for_its_first_item()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1, 2, 3), "https://hf.example/api/models?cursor=2"), () => HfSourceFixture.Page(Models(4, 5), null));

        Assert.Equal("org/m4", (await _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None).Take(4).LastAsync()).Id);
        Assert.Equal(2, _hf.Requested.Count);
    }

    [Fact]
    public async Task Keeps_the_token_on_the_hub_and_off_a_page_elsewhere()
    {
        _hf.Harness.Environment[EnvironmentVariables.HfToken] = "hf_paging_token";
        _hf.Hub.Then(
            () => HfSourceFixture.Page(Models(1), "https://hf.example/api/models?cursor=2"),
            () => HfSourceFixture.Page(Models(2), "https://elsewhere.example/api/models?cursor=3"),
            () => HfSourceFixture.Page(Models(3), null));

        Assert.Equal(3, (await IdsAsync(new ModelQuery())).Length);

        Assert.Equal(new[] { "Bearer hf_paging_token", "Bearer hf_paging_token", null }, _hf.Hub.Requests.Select(request => request.Authorization));
    }

    [Fact]
    public async Task Reads_a_relative_link_against_the_page_address()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1), "/api/models?cursor=2"), () => HfSourceFixture.Page(Models(2), null));

        Assert.Equal(new[] { "org/m1", "org/m2" }, await IdsAsync(new ModelQuery()));
        Assert.Equal("https://hf.example/api/models?cursor=2", _hf.Requested[1]);
    }

    [Fact]
    public async Task Picks_the_next_link_among_others()
    {
        _hf.Hub.Then(
            () =>
            {
                var response = HfSourceFixture.Json(Models(1));
                response.Headers.TryAddWithoutValidation("Link", "<https://hf.example/api/models?cursor=0>; rel=\"prev\", <https://hf.example/api/models?a=1,2&cursor=2>; rel=\"next\"");
                return response;
            },
            () => HfSourceFixture.Page(Models(2), null));

        Assert.Equal(new[] { "org/m1", "org/m2" }, await IdsAsync(new ModelQuery()));
        Assert.Equal("https://hf.example/api/models?a=1,2&cursor=2", _hf.Requested[1]);
    }

    [Fact]
    public async Task Delivers_the_items_read_before_a_later_page_fails()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1, 2), "https://hf.example/api/models?cursor=2"), () => FakeHub.Status(400));
        var delivered = new List<string>();

        var error = await Assert.ThrowsAsync<ModelHubException>(async () =>
        {
            await foreach (var model in _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None))
            {
                delivered.Add(model.Id);
            }
        });

        Assert.Equal(ErrorIds.InvalidHubRequest, error.ErrorId);
        Assert.Equal(new[] { "org/m1", "org/m2" }, delivered);
    }

    [Fact]
    public async Task Stops_when_the_caller_cancels()
    {
        _hf.Hub.Then(() => HfSourceFixture.Page(Models(1), "https://hf.example/api/models?cursor=2"), () => HfSourceFixture.Page(Models(2), null));
        using var cancellation = new CancellationTokenSource();

        await using var results = _hf.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, cancellation.Token).GetAsyncEnumerator();
        Assert.True(await results.MoveNextAsync());
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await results.MoveNextAsync());
    }

    [Fact]
    public async Task Follows_the_link_through_every_page_of_a_tree()
    {
        const string sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        _hf.Hub.Then(
            () => HfSourceFixture.Json($$"""{"_id":"6500aa00bb11cc22dd33ee49","id":"org/big","sha":"{{sha}}"}"""),
            () => HfSourceFixture.Page("""[{"type":"file","oid":"1","size":1,"path":"a.json"}]""", $"https://hf.example/api/models/org/big/tree/{sha}?recursive=true&cursor=2"),
            () => HfSourceFixture.Page("""[{"type":"directory","oid":"2","size":0,"path":"sub"},{"type":"file","oid":"3","size":3,"path":"sub/b.safetensors"}]""", null));

        var files = await _hf.Source.GetFilesAsync("org/big", null, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Equal(new[] { "a.json", "sub/b.safetensors" }, files.Select(file => file.Path));
        Assert.Equal($"https://hf.example/api/models/org/big/tree/{sha}?recursive=true&cursor=2", _hf.Requested[2]);
    }

    private static string Models(params int[] numbers) =>
        "[" + string.Join(",", numbers.Select(n => $$"""{"_id":"6500aa00bb11cc22dd33ee{{n:00}}","id":"org/m{{n}}","author":"org"}""")) + "]";

    private Task<string[]> IdsAsync(ModelQuery query) =>
        _hf.Source.SearchAsync(query, HubCallOptions.Default, CancellationToken.None).Select(model => model.Id).ToArrayAsync().AsTask();
}
