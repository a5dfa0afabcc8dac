using System.CommandLine;
using System.Text.RegularExpressions;

namespace Compliance.Host.Cli;

/// <summary>
/// The parser's first error in plain words: a mistyped command or option gets "did you mean", a value of the wrong type
/// says what was expected ("--seed: 'abc' is not a whole number", never "System.Int32").
/// </summary>
internal static partial class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        var first = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
        var unrecognized = UnrecognizedToken().Match(first.Message);
        if (unrecognized.Success)
        {
            var token = unrecognized.Groups[1].Value;
            var command = parse.CommandResult.Command;
            var known = token.StartsWith('-') ? OptionNames(parse) : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            var suggestion = Closest(token, known);
            var what = token.StartsWith('-') ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            return suggestion is null ? $"unknown {what} '{token}'" : $"unknown {what} '{token}'; did you mean '{suggestion}'?";
        }

        var typed = CannotParse().Match(first.Message);
        if (typed.Success) return $"{typed.Groups[2].Value}: '{typed.Groups[1].Value}' is not {Expected(typed.Groups[3].Value)}";
        return first.Message;
    }

    /// <summary>The known name nearest <paramref name="token"/> within a few edits (or that it starts), if any.</summary>
    public static string? Closest(string token, IEnumerable<string> known)
    {
        var best = known
            .Select(name => (name, distance: name.StartsWith(token, StringComparison.OrdinalIgnoreCase) && token.Length >= 3 ? 0 : Distance(token.ToLowerInvariant(), name.ToLowerInvariant())))
            .OrderBy(c => c.distance).ThenBy(c => c.name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.name is not null && best.distance <= Math.Max(1, Math.Min(3, token.Length / 3)) ? best.name : null;
    }

    private static IEnumerable<string> OptionNames(ParseResult parse)
    {
        for (var command = parse.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            foreach (var option in command.Command.Options.Where(o => !o.Hidden))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases) yield return alias;
            }
        }
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        _ => "a valid value",
    };

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^Unrecognized command or argument '(.*)'")]
    private static partial Regex UnrecognizedToken();

    [GeneratedRegex("^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'")]
    private static partial Regex CannotParse();
}
