using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ModelHub.HubEmulator.Tests;

/// <summary>One in-process emulator for every test class in the "emulator" collection.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    /// <summary>A client that follows no redirect, so tests see each hop.</summary>
    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None });

    public Origins Origins => Host.Origins;

    public async Task InitializeAsync() => Host = await EmulatorHost.StartAsync(new EmulatorOptions { Quiet = true });

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    public Uri Url(OriginName origin, string pathAndQuery) => Origins.Combine(origin switch
    {
        OriginName.Civitai => Origins.Civitai,
        OriginName.HuggingFace => Origins.HuggingFace,
        _ => Origins.Cdn,
    }, pathAndQuery);

    /// <summary>Clears every origin's request log and fault rules, so each test starts clean.</summary>
    public async Task ResetAsync()
    {
        foreach (OriginName origin in Enum.GetValues<OriginName>())
        {
            (await Http.DeleteAsync(Url(origin, "/_emulator/requests"))).EnsureSuccessStatusCode();
            (await Http.DeleteAsync(Url(origin, "/_emulator/faults"))).EnsureSuccessStatusCode();
        }
    }

    public async Task<string> AddFaultAsync(OriginName origin, object rule)
    {
        using var response = await Http.PostAsJsonAsync(Url(origin, "/_emulator/faults"), rule);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement[]> RequestsAsync(OriginName origin)
    {
        using var body = JsonDocument.Parse(await Http.GetStringAsync(Url(origin, "/_emulator/requests")));
        var entries = new JsonElement[body.RootElement.GetArrayLength()];
        var i = 0;
        foreach (var entry in body.RootElement.EnumerateArray())
        {
            entries[i++] = entry.Clone();
        }

        return entries;
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}
