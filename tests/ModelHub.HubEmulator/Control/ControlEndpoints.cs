using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.Control;

/// <summary>
/// The control plane under /_emulator/ on each origin: the request log and the fault rules. Its own
/// requests are neither logged nor faulted.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(WebApplication app, OriginState origin)
    {
        app.MapGet(Prefix + "/requests", () => Results.Json(origin.Log.Snapshot()));
        app.MapDelete(Prefix + "/requests", () =>
        {
            origin.Log.Clear();
            return Results.NoContent();
        });
        app.MapGet(Prefix + "/faults", () => Results.Json(origin.Faults.Snapshot()));
        app.MapPost(Prefix + "/faults", async (HttpRequest request) =>
        {
            FaultRule? rule;
            try
            {
                rule = await JsonSerializer.DeserializeAsync<FaultRule>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException exception)
            {
                return Results.Json(new { error = "The fault rule is not valid JSON: " + exception.Message }, statusCode: StatusCodes.Status400BadRequest);
            }

            return rule is null
                ? Results.Json(new { error = "Send a fault rule as a JSON object." }, statusCode: StatusCodes.Status400BadRequest)
                : Results.Json(new { id = origin.Faults.Add(rule) });
        });
        app.MapDelete(Prefix + "/faults", () =>
        {
            origin.Faults.Clear();
            return Results.NoContent();
        });
    }

    /// <summary>Whether a request is for the control plane (and so bypasses logging and faults).</summary>
    public static bool IsControl(HttpRequest request) => request.Path.StartsWithSegments(Prefix);
}
