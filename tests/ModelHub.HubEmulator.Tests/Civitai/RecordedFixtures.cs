using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// The recorded Civitai responses the emulator serves. Tests that compare against them say so and pass when the
/// recorded folder is absent (xunit 2 cannot skip at run time), and fail when the folder is there but a file is missing.
/// </summary>
internal static class RecordedFixtures
{
    /// <summary>The recorded document, or null (after saying why the test did not run) when there are no recorded responses.</summary>
    public static JsonNode? Read(EmulatorFixture fixture, ITestOutputHelper output, string path) =>
        Text(fixture, output, path) is { } text ? JsonNode.Parse(text) : null;

    /// <summary>The recorded file's text, or null (after saying why the test did not run) when there are no recorded responses.</summary>
    public static string? Text(EmulatorFixture fixture, ITestOutputHelper output, string path)
    {
        var recorded = fixture.Host.Services.Recorded;
        if (!recorded.IsAvailable)
        {
            output.WriteLine($"Did not run: no recorded responses (set {RecordedResponses.Variable} to the hub-api/fixtures folder, or put it at ../shared/hub-api/fixtures beside the repository), so {path} cannot be compared.");
            return null;
        }

        Assert.True(recorded.Exists(path), $"The recorded responses folder {recorded.Folder} has no {path}.");
        return recorded.Read(path);
    }
}
