using System.Globalization;

namespace Compliance.Host.Cli;

/// <summary>Checks the values of options that the parser takes as strings, with errors that name the option.</summary>
internal static class Arguments
{
    public static DateOnly Date(string option, string? value, DateOnly fallback)
    {
        if (value is null) return fallback;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserError($"{option}: '{value}' is not a date (use YYYY-MM-DD)");
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
