using System;
using ModelHub.Cards;
using ModelHub.Resources;
using ModelHub.Settings;

namespace ModelHub.Hubs.HuggingFace;

/// <summary>
/// A repo's README.md as a <see cref="ModelCard"/>: the front matter as metadata (and the title, license, base model,
/// trained words and tags it states), the body as Markdown and plain text. Without a README, the model info's.
/// </summary>
internal static class RepoCards
{
    public const string Readme = "README.md";

    public static ModelCard Map(RepoInfo info, string commit, HubEndpoint endpoint, string? readme)
    {
        var url = endpoint.Combine(RepoPaths.Page(info.Id));
        if (readme is null)
        {
            return new ModelCard
            {
                Hub = Hub.HuggingFace,
                Id = info.Id,
                VersionId = commit,
                Title = info.Name,
                License = info.License,
                BaseModel = info.Family,
                TrainedWords = info.TrainedWords,
                Tags = info.Tags,
                Url = url,
                Warnings = new[] { Text.Format(Messages.CardMissing, info.Id, commit) },
            };
        }

        var frontMatter = FrontMatter.Read(readme);
        var metadata = frontMatter.Metadata;
        var content = MarkdownContent.Parse(frontMatter.Body);
        var family = BaseModels.FromHuggingFace(info.Id, PlainValues.Texts(metadata, "base_model"), pipelineClass: null);
        return new ModelCard
        {
            Hub = Hub.HuggingFace,
            Id = info.Id,
            VersionId = commit,
            // A broken front matter stays in the body, where its lines may read as a heading.
            Title = PlainValues.Text(metadata, "model_name") ?? (frontMatter.Warning is null ? content.Heading : null) ?? info.Name,
            License = PlainValues.Text(metadata, "license") ?? info.License,

            // The card's base_model decides when it names a known base; else the model info's tags and pipeline class.
            BaseModel = family != BaseModels.Unknown ? family : info.Family,
            TrainedWords = metadata is null ? info.TrainedWords : PlainValues.Texts(metadata, "instance_prompt"),
            Tags = metadata is null ? info.Tags : PlainValues.Texts(metadata, "tags"),
            Metadata = metadata,
            Markdown = frontMatter.Body,
            Text = content.Text,
            Raw = readme,
            Url = url,
            Warnings = frontMatter.Warning is { } warning ? new[] { warning } : Array.Empty<string>(),
        };
    }
}
