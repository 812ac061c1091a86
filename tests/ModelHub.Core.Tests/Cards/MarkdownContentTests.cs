using ModelHub.Cards;
using Xunit;

namespace ModelHub.Tests.Cards;

/// <summary>A Markdown card body as console text, its first heading, and the images it shows.</summary>
public sealed class MarkdownContentTests
{
    private const string Body = """
        # hazy-meadow-xl-lora

        A LoRA for [SDXL](https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0), trained on *hazy meadow* images.

        ![sample](image_0.png "A sample")
        <img src="./images/sample-2.png" alt="second" width="300">

        <div align="center"><img src='https://cdn.example/banner.jpg'><b>Made with love</b> &amp; care</div>

        ## Trigger words

        You should use `hazy meadow style, TOK` to trigger the image generation.

        1. Download
        2. Load with **diffusers**:

           ```py
           pipe.load_lora_weights("northlight/hazy-meadow-xl-lora")
           ```

        [ref image][r] and ![again](image_0.png) and <https://example.com/auto>

        [r]: https://example.com/ref.png
        """;

    [Fact]
    public void Text_reads_links_as_their_text_and_leaves_images_out()
    {
        var text = MarkdownContent.Parse(Body).Text;

        Assert.StartsWith("hazy-meadow-xl-lora\n\nA LoRA for SDXL, trained on hazy meadow images.\n\n", text);
        Assert.Contains("Made with love & care", text);
        Assert.Contains("Trigger words\n\nYou should use hazy meadow style, TOK to trigger the image generation.", text);
        Assert.Contains("1. Download\n2. Load with diffusers:\n       pipe.load_lora_weights(\"northlight/hazy-meadow-xl-lora\")", text);
        Assert.Contains("ref image and  and https://example.com/auto", text);
        Assert.DoesNotContain("](", text);
        Assert.DoesNotContain("<", text);
    }

    [Fact]
    public void The_first_heading_is_the_title()
    {
        Assert.Equal("hazy-meadow-xl-lora", MarkdownContent.Parse(Body).Heading);
        Assert.Null(MarkdownContent.Parse("No heading.").Heading);
    }

    [Fact]
    public void Images_are_Markdown_images_and_HTML_img_elements_in_order_each_once()
    {
        Assert.Equal(new[] { "image_0.png", "./images/sample-2.png", "https://cdn.example/banner.jpg" }, MarkdownContent.Parse(Body).Images);
    }
}
