using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelHub.HelpCompiler;

/// <summary>
/// Compiles docs/&lt;culture&gt;/*.md into what Get-Help reads: about_*.md become about_*.help.txt, every other
/// file is a cmdlet's help and goes into one MAML file. Nothing is written unless every file is valid.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: ModelHub.HelpCompiler <docsFolder> <outputFolder> <mamlFileName>";

    private static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var docsFolder = args[0];
        var outputFolder = args[1];
        var mamlPath = Path.Combine(outputFolder, args[2]);
        if (!Directory.Exists(docsFolder))
        {
            Console.Error.WriteLine($"error: the docs folder '{docsFolder}' does not exist");
            return 1;
        }

        var commands = new List<CommandHelp>();
        var aboutTopics = new List<(string Path, string Text)>();
        var problems = new List<string>();

        // Sorted, so the MAML lists the commands in the same order on every machine.
        foreach (var file in Directory.GetFiles(docsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            try
            {
                var markdown = File.ReadAllText(file);
                if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    aboutTopics.Add((Path.Combine(outputFolder, name + ".help.txt"), AboutTopicWriter.Render(markdown, name)));
                }
                else
                {
                    commands.Add(CommandHelpReader.Read(markdown));
                }
            }
            catch (HelpFormatException exception)
            {
                problems.AddRange(exception.Problems.Select(problem => $"{file}: {problem}"));
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine($"error: {problem}");
            }

            return 1;
        }

        Directory.CreateDirectory(outputFolder);
        foreach (var (path, text) in aboutTopics)
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            Console.WriteLine($"Wrote {path}");
        }

        MamlWriter.Write(commands, mamlPath);
        Console.WriteLine($"Wrote {mamlPath} ({commands.Count} commands)");
        return 0;
    }
}
