using Compliance.Application.Checkpoints;

namespace Compliance.Application.Tests.Checkpoints;

public sealed class CheckpointSigningTests : IDisposable
{
    /// <summary>RFC 8032's first Ed25519 test key as PKCS#8 PEM, the form 'openssl genpkey -algorithm ed25519' writes.</summary>
    private const string Rfc8032Key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n";

    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 25, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999);
    private readonly string folder = Directory.CreateTempSubdirectory("compliance-key-").FullName;

    [Fact]
    public void a_key_written_by_openssl_is_read_and_named_by_the_sha256_of_its_public_key()
    {
        var file = Path.Combine(folder, "key.pem");
        File.WriteAllText(file, Rfc8032Key);

        using var key = CheckpointKey.Load(file);

        // openssl pkey -in key.pem -pubout | openssl pkey -pubin -outform DER | sha256sum
        key.Fingerprint.ShouldBe("sha256:06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
        key.PublicKeyPem.ShouldStartWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    }

    [Fact]
    public void a_signature_checks_with_the_public_key_alone_and_is_the_same_every_time()
    {
        using var key = CheckpointKey.Create(Path.Combine(folder, "new.pem"));

        var signed = key.Sign(6525, new string('a', 64), At);

        CheckpointSignature.Problem(signed, key.PublicKeyPem).ShouldBeNull();
        CheckpointSignature.Problem(signed, File.ReadAllText(CheckpointKey.PublicKeyFileOf(Path.Combine(folder, "new.pem")))).ShouldBeNull();
        key.Sign(6525, new string('a', 64), At).Signature.ShouldBe(signed.Signature);
        System.Text.Encoding.UTF8.GetString(signed.Message()).ShouldBe($"compliance-checkpoint/v1\n6525\n{new string('a', 64)}\n2026-11-25T23:59:59.9999999Z\n");
    }

    [Fact]
    public void a_changed_position_hash_or_instant_no_longer_checks()
    {
        using var key = CheckpointKey.Create(Path.Combine(folder, "new.pem"));
        var signed = key.Sign(6525, new string('a', 64), At);

        CheckpointSignature.Problem(signed with { Position = 6520 }, key.PublicKeyPem).ShouldNotBeNull().ShouldContain("were changed after signing");
        CheckpointSignature.Problem(signed with { Hash = new string('b', 64) }, key.PublicKeyPem).ShouldNotBeNull().ShouldContain("were changed after signing");
        CheckpointSignature.Problem(signed with { RecordedAt = At.AddDays(-1) }, key.PublicKeyPem).ShouldNotBeNull().ShouldContain("were changed after signing");
    }

    [Fact]
    public void another_key_is_named_as_not_the_signer()
    {
        using var key = CheckpointKey.Create(Path.Combine(folder, "one.pem"));
        using var other = CheckpointKey.Create(Path.Combine(folder, "two.pem"));

        CheckpointSignature.Problem(key.Sign(1, new string('a', 64), At), other.PublicKeyPem).ShouldNotBeNull().ShouldContain($"not by the key given ({other.Fingerprint})");
    }

    [Fact]
    public void the_one_line_form_is_found_again_in_surrounding_bytes_and_the_file_form_reads_back()
    {
        using var key = CheckpointKey.Create(Path.Combine(folder, "new.pem"));
        var signed = key.Sign(42, new string('c', 64), At);

        SignedCheckpoint.FindIn($"/Keywords (compliance; audit; {signed.ToLine()}) >>").ShouldBe(signed);
        CheckpointFile.Read(CheckpointFile.Write(signed, key.PublicKeyPem)).ShouldBe((signed, key.PublicKeyPem));
        Should.Throw<FormatException>(() => CheckpointFile.Read("{\"format\":\"something\"}")).Message.ShouldContain("not a checkpoint file");
    }

    [Fact]
    public void a_key_that_is_not_ed25519_is_refused_with_the_file_named()
    {
        var file = Path.Combine(folder, "rsa.pem");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048)) File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());

        Should.Throw<FormatException>(() => CheckpointKey.Load(file)).Message.ShouldContain("is not an Ed25519 private key");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
