using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// An error as the Hub answers it: the status, X-Error-Code (what huggingface_hub classifies on),
/// X-Error-Message, and the body {"error": message}.
/// </summary>
internal sealed class HubError : IResult
{
    private HubError(int status, string? code, string message)
    {
        Status = status;
        Code = code;
        Message = message;
    }

    public int Status { get; }

    public string? Code { get; }

    public string Message { get; }

    /// <summary>A missing or private repository: 401 anonymously, 404 with a token (indistinguishable from missing, by design).</summary>
    public static HubError RepoNotFound(Caller caller) => caller == Caller.Anonymous
        ? new(StatusCodes.Status401Unauthorized, "RepoNotFound", "Invalid username or password.")
        : new(StatusCodes.Status404NotFound, "RepoNotFound", "Repository not found");

    /// <summary>A gated repository's files: 401 anonymously, 403 for a user who is not approved (texts as the Hub words them).</summary>
    public static HubError Gated(string repoId, Caller caller) => caller == Caller.Anonymous
        ? new(StatusCodes.Status401Unauthorized, "GatedRepo", $"Access to model {repoId} is restricted. You must have access to it and be authenticated to access it. Please log in.")
        : new(StatusCodes.Status403Forbidden, "GatedRepo", $"Access to model {repoId} is restricted and you are not in the authorized list. Visit https://huggingface.co/{repoId} to ask for access.");

    public static HubError RevisionNotFound(string revision) => new(StatusCodes.Status404NotFound, "RevisionNotFound", $"Invalid rev id: {revision}");

    public static HubError EntryNotFound() => new(StatusCodes.Status404NotFound, "EntryNotFound", "Entry not found");

    /// <summary>An expired or unknown token: no error code, the message tells it apart.</summary>
    public static HubError InvalidCredentials() => new(StatusCodes.Status401Unauthorized, null, "Invalid credentials in Authorization header");

    /// <summary>whoami-v2 without a token.</summary>
    public static HubError NotSignedIn() => new(StatusCodes.Status401Unauthorized, null, "Invalid username or password.");

    /// <summary>A repository the Hub disabled: no error code, huggingface_hub recognises the message.</summary>
    public static HubError Disabled() => new(StatusCodes.Status403Forbidden, null, "Access to this resource is disabled.");

    public static HubError BadRequest(string message) => new(StatusCodes.Status400BadRequest, null, message);

    public static HubError NotFound() => new(StatusCodes.Status404NotFound, null, "Sorry, we can't find the page you are looking for.");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        if (Code is not null)
        {
            response.Headers["X-Error-Code"] = Code;
        }

        response.Headers["X-Error-Message"] = Message;
        await HubResponses.WriteJsonAsync(httpContext, new System.Text.Json.Nodes.JsonObject { ["error"] = Message });
    }
}
