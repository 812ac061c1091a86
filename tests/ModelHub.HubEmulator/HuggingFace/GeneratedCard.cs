using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// A generated repository's model card (front matter and body) and the tags the Hub derives from it and from
/// the files: license:…, base_model:…, base_model:adapter:…, diffusers:&lt;Pipeline&gt;, region:us.
/// </summary>
internal static class GeneratedCard
{
    public const string NsfwTag = "not-for-all-audiences";

    public const string PipelineTag = "text-to-image";

    public const string Library = "diffusers";

    public static IReadOnlyList<string> Tags(GeneratedRepoPlan plan)
    {
        var tags = new List<string> { Library };
        switch (plan.Kind)
        {
            case GeneratedKind.Lora:
                tags.Add(PipelineTag);
                tags.AddRange(plan.Base.FamilyTags);
                tags.AddRange(["lora", "template:sd-lora"]);
                break;
            case GeneratedKind.Checkpoint:
                tags.AddRange(["safetensors", PipelineTag]);
                tags.AddRange(plan.Base.FamilyTags);
                break;
            default:
                tags.AddRange(["safetensors", plan.Base.FamilyTags[0], PipelineTag]);
                break;
        }

        if (plan.Nsfw)
        {
            tags.Add(NsfwTag);
        }

        var bases = BaseModels(plan);
        tags.AddRange(bases.Select(id => "base_model:" + id));
        tags.AddRange(bases.Select(id => $"base_model:{Relation(plan)}:{id}"));
        tags.Add("license:" + plan.License);
        if (plan.Kind == GeneratedKind.Pipeline)
        {
            tags.AddRange(["autotrain_compatible", "endpoints_compatible", "diffusers:" + plan.Base.PipelineClass]);
        }
        else if (plan.Kind == GeneratedKind.Checkpoint)
        {
            tags.Add("endpoints_compatible");
        }

        tags.Add("region:us");
        return tags;
    }

    /// <summary>The front matter, as the API returns it in cardData.</summary>
    public static JsonObject Data(GeneratedRepoPlan plan)
    {
        var card = new JsonObject { ["license"] = plan.License };
        if (plan.License == "other")
        {
            card["license_name"] = plan.Name + "-license";
            card["license_link"] = "LICENSE.md";
        }

        card["library_name"] = Library;
        var tags = new JsonArray(PipelineTag, Library);
        if (plan.Kind == GeneratedKind.Lora)
        {
            tags.Add("lora");
            tags.Add("template:sd-lora");
        }

        foreach (var tag in plan.Base.FamilyTags.Concat(plan.Nsfw ? [NsfwTag] : []))
        {
            tags.Add(tag);
        }

        card["tags"] = tags;
        var bases = BaseModels(plan);
        if (bases.Count > 0)
        {
            // A single base is a string, several a list: both occur on the Hub.
            card["base_model"] = bases.Count == 1 ? bases[0] : new JsonArray(bases.Select(id => (JsonNode)id).ToArray());
        }

        if (plan.Kind == GeneratedKind.Lora)
        {
            card["instance_prompt"] = InstancePrompt(plan);
        }
        else
        {
            card["pipeline_tag"] = PipelineTag;
        }

        var images = WidgetImages(plan);
        if (images.Count > 0)
        {
            card["widget"] = new JsonArray(images.Select((image, i) => (JsonNode)new JsonObject
            {
                ["text"] = Prompt(plan, i),
                ["output"] = new JsonObject { ["url"] = image },
            }).ToArray());
        }

        if (plan.Gated is not null)
        {
            card["extra_gated_prompt"] = $"You agree not to redistribute the weights of {plan.Name} and to use them for research only.";
            card["extra_gated_fields"] = new JsonObject { ["Name"] = "text", ["I agree to the terms above"] = "checkbox" };
        }

        return card;
    }

    /// <summary>The sample images the widget shows, which the repository holds.</summary>
    public static IReadOnlyList<string> WidgetImages(GeneratedRepoPlan plan) => plan.Kind switch
    {
        GeneratedKind.Lora when plan.DefaultLoraName => ["image_0.png", "image_1.png"],
        GeneratedKind.Lora => [$"images/{plan.Name}-1.jpeg", $"images/{plan.Name}-2.jpeg", $"images/{plan.Name}-3.png"],
        GeneratedKind.Checkpoint => ["images/sample-1.png"],
        _ => [],
    };

    /// <summary>The README body; each revision of the card adds a changelog line.</summary>
    public static string Body(GeneratedRepoPlan plan, int revision)
    {
        var body = new StringBuilder();
        body.Append("# ").Append(plan.Name).Append("\n\n");
        body.Append(plan.Kind switch
        {
            GeneratedKind.Lora => $"A LoRA for {plan.Base.Id}, trained on {Subject(plan)} images.\n\n## Trigger words\n\nYou should use `{InstancePrompt(plan)}` to trigger the image generation.\n\n",
            GeneratedKind.Checkpoint => $"A single-file checkpoint fine-tuned from {plan.Base.Id} for {Subject(plan)} images.\n\n",
            _ => $"A diffusers {plan.Base.PipelineClass} for {Subject(plan)} images.\n\n",
        });
        body.Append("## Download model\n\nWeights for this model are available in Safetensors format.\n\n");
        body.Append("[Download](/").Append(plan.Id).Append("/tree/main) them in the Files & versions tab.\n");
        for (var change = 1; change < revision; change++)
        {
            body.Append(change == 1 ? "\n## Changelog\n\n" : string.Empty).Append("- Card revision ").Append(change + 1).Append(".\n");
        }

        return body.ToString();
    }

    /// <summary>The words of the repository name that say what it draws ("misty harbor").</summary>
    public static string Subject(GeneratedRepoPlan plan) =>
        string.Join(' ', plan.Name.Split('-').Where(word => word is not ("lora" or "diffusers" or "xl" or "sd15" or "sd21" or "flux") && !int.TryParse(word, out _)));

    private static string InstancePrompt(GeneratedRepoPlan plan) => $"{Subject(plan)} style, TOK";

    private static string Prompt(GeneratedRepoPlan plan, int index) =>
        (index % 3) switch
        {
            0 => $"{InstancePrompt(plan)}, a lighthouse on a cliff at dusk",
            1 => $"{InstancePrompt(plan)}, portrait of a fox in a knitted scarf",
            _ => $"{InstancePrompt(plan)}, a quiet street after rain",
        };

    private static IReadOnlyList<string> BaseModels(GeneratedRepoPlan plan) =>
        !plan.HasBaseModel ? [] : plan.SecondBase is { } second ? [plan.Base.Id, second.Id] : [plan.Base.Id];

    private static string Relation(GeneratedRepoPlan plan) => plan.Kind switch
    {
        GeneratedKind.Lora => "adapter",
        _ when plan.SecondBase is not null => "merge",
        _ => "finetune",
    };
}
