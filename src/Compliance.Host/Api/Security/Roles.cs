namespace Compliance.Host.Api.Security;

/// <summary>The three roles and the authorization policies built on them: each role can do what the one before it can.</summary>
public static class Roles
{
    public const string Auditor = "auditor";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>Queries and reports.</summary>
    public const string ReadPolicy = "read";

    /// <summary>Maintenance commands.</summary>
    public const string OperatePolicy = "operate";

    /// <summary>Maintenance policies.</summary>
    public const string AdministerPolicy = "administer";

    public static bool IsKnown(string? role) => role is Auditor or Operator or Admin;

    public static string[] AllowedBy(string policy) => policy switch
    {
        ReadPolicy => [Auditor, Operator, Admin],
        OperatePolicy => [Operator, Admin],
        AdministerPolicy => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown policy"),
    };
}
