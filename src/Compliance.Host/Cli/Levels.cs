namespace Compliance.Host.Cli;

/// <summary>The colour of a level or SLA status on a colour screen: worse is redder; none and unknown stay plain or dim.</summary>
internal static class Levels
{
    public static string? Colour(string cell) => cell switch
    {
        "eol" or "breached" => "1;31",
        "high" => "31",
        "medium" or "open" => "33",
        "low" or "met" => "32",
        "unknown" => "2",
        _ => null,
    };
}
