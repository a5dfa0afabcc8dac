using System.Globalization;
using Compliance.Application.UseCases.Validation;

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
}

internal enum OutputFormat
{
    Table,
    Json,
}
