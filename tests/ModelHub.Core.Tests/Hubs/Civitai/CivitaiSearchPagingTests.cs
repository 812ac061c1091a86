using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Errors;
using Xunit;

namespace ModelHub.Tests.Hubs.Civitai;

/// <summary>Lazy, cursor-following paging of GET /api/v1/models.</summary>
public sealed class CivitaiSearchPagingTests : IDisposable
{
    private readonly CivitaiHarness _civitai = new();

    public void Dispose() => _civitai.Dispose();

    [Fact]
    public async Task Nothing_is_requested_before_the_first_item_is_asked_for()
    {
        _civitai.Answer(CivitaiHarness.Page(CivitaiSamples.Models(1, 3)));

        var search = _civitai.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, CancellationToken.None);
        await using var enumerator = search.GetAsyncEnumerator();

        Assert.Empty(_civitai.Hub.Requests);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Single(_civitai.Hub.Requests);
    }

    [Fact]
    public async Task Taking_3_items_of_a_100_item_page_sends_exactly_one_request()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 100), "next"),
            ["next"] = CivitaiHarness.Page(CivitaiSamples.Models(101, 100)),
        });

        var models = await _civitai.SearchAsync(new ModelQuery(), take: 3);

        Assert.Equal(new[] { "1", "2", "3" }, models.Select(model => model.Id));
        Assert.Equal(new[] { "/api/v1/models?limit=100" }, _civitai.Requests);
    }

    [Fact]
    public async Task Stopping_at_the_last_item_of_a_page_never_requests_the_next()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 5), "next"),
            ["next"] = CivitaiHarness.Page(CivitaiSamples.Models(6, 5)),
        });

        var models = await _civitai.SearchAsync(new ModelQuery { First = 5 }, take: 5);

        Assert.Equal(5, models.Count);
        Assert.Equal(new[] { "/api/v1/models?limit=5" }, _civitai.Requests);
    }

    [Fact]
    public async Task Follows_string_and_number_cursors_to_the_end_in_the_hubs_order()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 2), "75363|932023|257749"),
            ["75363|932023|257749"] = CivitaiHarness.Page(CivitaiSamples.Models(3, 2), 101),
            ["101"] = CivitaiHarness.Page(CivitaiSamples.Models(5, 2), "2024-03-10T21:35:22.332Z"),
            ["2024-03-10T21:35:22.332Z"] = CivitaiHarness.Page(CivitaiSamples.Models(7, 1)),
        });

        var models = await _civitai.SearchAsync(new ModelQuery { Sort = ModelSort.Newest, First = 2 });

        Assert.Equal(Enumerable.Range(1, 7).Select(id => id.ToString()), models.Select(model => model.Id));
        Assert.Equal(
            new[]
            {
                "/api/v1/models?limit=2&sort=Newest",
                "/api/v1/models?limit=100&sort=Newest&cursor=75363|932023|257749",
                "/api/v1/models?limit=100&sort=Newest&cursor=101",
                "/api/v1/models?limit=100&sort=Newest&cursor=2024-03-10T21:35:22.332Z",
            },
            _civitai.Requests);
    }

    [Fact]
    public async Task An_empty_page_with_a_next_cursor_does_not_end_the_search()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 1), "100"),
            ["100"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 0), "200"),
            ["200"] = CivitaiHarness.Page(CivitaiSamples.Models(2, 1)),
        });

        var models = await _civitai.SearchAsync(new ModelQuery { Text = "cat" });

        Assert.Equal(new[] { "1", "2" }, models.Select(model => model.Id));
        Assert.Equal(3, _civitai.Requests.Count);
    }

    [Fact]
    public async Task A_page_thinned_by_the_filters_is_followed_until_enough_results_come()
    {
        var safe = Enumerable.Range(1, 3).Select(id => CivitaiSamples.Model(id, nsfw: true)).Append(CivitaiSamples.Model(4));
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(safe, "next"),
            ["next"] = CivitaiHarness.Page(CivitaiSamples.Models(5, 4), "last"),
            ["last"] = CivitaiHarness.Page(CivitaiSamples.Models(9, 4)),
        });

        var models = await _civitai.SearchAsync(new ModelQuery { First = 4 }, take: 4);

        Assert.Equal(new[] { "4", "5", "6", "7" }, models.Select(model => model.Id));
        Assert.Equal(new[] { "/api/v1/models?limit=4", "/api/v1/models?limit=100&cursor=next" }, _civitai.Requests);
    }

    [Fact]
    public async Task Cancelling_stops_the_search()
    {
        _civitai.Answer(CivitaiHarness.Page(CivitaiSamples.Models(1, 3), "next"));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<Model>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var model in _civitai.Source.SearchAsync(new ModelQuery(), HubCallOptions.Default, cancellation.Token))
            {
                seen.Add(model);
                cancellation.Cancel();
            }
        });

        Assert.Single(seen);
        Assert.Single(_civitai.Hub.Requests);
    }

    [Fact]
    public async Task A_page_without_items_is_an_invalid_response()
    {
        _civitai.Answer("{\"metadata\":{}}");

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _civitai.SearchAsync(new ModelQuery()));

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
        Assert.Equal(Hub.Civitai, error.Hub);
        Assert.Contains("'items'", error.Message);
    }

    [Fact]
    public async Task A_listed_model_without_an_id_is_an_invalid_response()
    {
        _civitai.Answer("{\"items\":[{\"name\":\"no id\"}],\"metadata\":{}}");

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _civitai.SearchAsync(new ModelQuery()));

        Assert.Contains("'id'", error.Message);
    }

    [Fact]
    public async Task A_next_cursor_equal_to_the_one_sent_is_an_invalid_response_not_an_endless_loop()
    {
        _civitai.AnswerPages(new Dictionary<string, string>
        {
            ["first"] = CivitaiHarness.Page(CivitaiSamples.Models(1, 1), "same"),
            ["same"] = CivitaiHarness.Page(CivitaiSamples.Models(2, 1), "same"),
        });

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _civitai.SearchAsync(new ModelQuery()));

        Assert.Equal(2, _civitai.Requests.Count);
        Assert.Contains("cursor", error.Message);
    }

    [Fact]
    public async Task A_malformed_page_is_the_translators_invalid_response()
    {
        _civitai.Answer("{\"items\":[{\"id\":1}");

        var error = await Assert.ThrowsAsync<InvalidHubResponseException>(() => _civitai.SearchAsync(new ModelQuery()));

        Assert.Equal(ErrorIds.InvalidHubResponse, error.ErrorId);
    }
}
