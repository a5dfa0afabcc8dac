using System.CommandLine;
using System.Globalization;
using Compliance.Application.UseCases.Validation;
using Compliance.Application.UseCases;

namespace Compliance.Host.Cli;

/// <summary>Checks the values of options that the parser takes as strings, with errors that name the option.</summary>
internal static class Arguments
{
    /// <summary>A day YYYY-MM-DD within the bounds every input is held to (<see cref="TimeBounds"/>), or <paramref name="fallback"/> when not given.</summary>
    public static DateOnly Date(string option, string? value, DateOnly fallback)
    {
        if (value is null) return fallback;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UserError($"{option}: '{TerminalText.Safe(value)}' is not a date (use YYYY-MM-DD)");
        return TimeBounds.Contains(date) ? date : throw new UserError($"{option}: {value} is outside the days accepted, {TimeBounds.Range}");
    }

    public static OutputFormat Format(string? value, params OutputFormat[] allowed)
    {
        if (value is null) return allowed[0];
        foreach (var format in allowed)
        {
            if (string.Equals(format.ToString(), value, StringComparison.OrdinalIgnoreCase)) return format;
        }

        throw new UserError($"--format: '{value}' is not one of {string.Join(", ", allowed.Select(f => f.ToString().ToLowerInvariant()))}");
    }

    /// <summary>A problem of a query the CLI made from its options, naming the options ("--min-level: ...") instead of the query's fields.</summary>
    public static string Describe(Problem problem) => problem.Errors.Count == 0 ? problem.Detail
        : string.Join("; ", problem.Errors.Select(e => $"--{Kebab(e.Key)}: {string.Join(", ", e.Value)}"));

    /// <summary>"asOf" becomes "as-of", the option that carried the field.</summary>
    public static string Kebab(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>A number option that refuses NaN and the infinities (the parser takes them as numbers).</summary>
    public static Option<double> Finite(this Option<double> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (token is not null && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsFinite(value))
                result.AddError($"{option.Name}: '{token}' is not a finite number");
        });
        return option;
    }
}

internal enum OutputFormat
{
    Table,
    Json,
}
