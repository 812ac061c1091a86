using System.Collections.Generic;
using ModelHub.Discovery;
using ModelHub.Errors;
using ModelHub.Http;
using ModelHub.Resources;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// The failures the Civitai client finds itself, beyond what the HTTP layer translates: ids Civitai cannot
/// have, answers without what the API always sends, and a version asked for under the wrong model.
/// </summary>
internal static class CivitaiErrors
{
    /// <summary>Civitai's ids are numbers: anything else cannot name a model, so no request is sent.</summary>
    public static ModelHubException NotAnId(string target) =>
        new HubNotFoundException(ErrorIds.HubModelNotFound, Text.Format(Messages.ModelNotFound, Hub.Civitai, target, Messages.CivitaiIdsAreNumbers), Text.Format(Messages.ModelNotFoundAction, Hub.Civitai))
        {
            Hub = Hub.Civitai,
            Target = target,
        };

    public static ModelHubException VersionOfAnotherModel(string modelId, string versionId, string ownerId) =>
        new HubNotFoundException(ErrorIds.HubModelNotFound, Text.Format(Messages.CivitaiVersionOfAnotherModel, versionId, ownerId, modelId), Text.Format(Messages.CivitaiVersionOfAnotherModelAction, modelId))
        {
            Hub = Hub.Civitai,
            Target = CivitaiIds.VersionTarget(modelId, versionId),
        };

    public static ModelHubException SortUnsupported(ModelSort sort, IEnumerable<ModelSort> supported) =>
        new(ErrorIds.InvalidHubRequest, HubErrorCategory.InvalidArgument, Text.Format(Messages.CivitaiSortUnsupported, sort), Text.Format(Messages.CivitaiSortUnsupportedAction, string.Join(", ", supported)))
        {
            Hub = Hub.Civitai,
        };

    /// <summary>A success answer that lacks a member the API always sends (an items array, an id).</summary>
    public static ModelHubException Lacks(HubRequest request, string member) =>
        Invalid(request, Text.Format(Messages.ResponseLacks, request.Hub, request.Describe(), member));

    /// <summary>A next cursor equal to the one just sent: following it would ask for the same page forever.</summary>
    public static ModelHubException CursorRepeated(HubRequest request) =>
        Invalid(request, Text.Format(Messages.ResponseCursorRepeated, request.Hub, request.Describe()));

    private static ModelHubException Invalid(HubRequest request, string message) =>
        new InvalidHubResponseException(message, Messages.InvalidResponseAction)
        {
            Hub = request.Hub,
            Target = request.Describe(),
        };
}
