using Compliance.Application.UseCases.Validation;
using Compliance.Domain.Events;
using Compliance.Domain.Verdicts;
using Compliance.Domain.Versions;
using Environment = Compliance.Domain.Events.Environment;

namespace Compliance.Application.Tests.UseCases;

/// <summary>The shared input rules, as every entry point (API, CLI, bus) applies them.</summary>
public sealed class InputsTests
{
    [Fact]
    public void a_cluster_id_with_a_final_newline_is_not_a_cluster_id() => Inputs.IsSlug("web-prod\n").ShouldBeFalse();

    [Fact]
    public void a_window_id_with_a_final_newline_is_not_an_id() => Inputs.IsId("wnl\n").ShouldBeFalse();

    [Fact]
    public void a_cve_id_with_a_final_newline_is_not_a_cve_id() => Inputs.IsCve("CVE-2024-9999\n").ShouldBeFalse();

    [Fact]
    public void ids_without_the_newline_still_pass()
    {
        Inputs.IsSlug("web-prod").ShouldBeTrue();
        Inputs.IsId("wnl").ShouldBeTrue();
        Inputs.IsCve("CVE-2024-9999").ShouldBeTrue();
    }

    [Theory]
    [InlineData("k3s", Flavour.K3s)]
    [InlineData("rke2", Flavour.Rke2)]
    [InlineData("RKE2", Flavour.Rke2)]
    [InlineData("openShift", Flavour.OpenShift)]
    public void flavours_whose_names_hold_digits_are_read(string text, Flavour expected)
    {
        Inputs.TryEnum<Flavour>(text, out var flavour).ShouldBeTrue();
        flavour.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Staging,Production")]
    [InlineData("staging, production")]
    [InlineData(" production")]
    [InlineData("production ")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("")]
    public void an_environment_is_exactly_one_name(string text) => Inputs.TryEnum<Environment>(text, out _).ShouldBeFalse();

    [Fact]
    public void a_level_is_exactly_one_name() => Inputs.TryEnum<EolLevel>("low,high", out _).ShouldBeFalse();

    [Theory]
    [InlineData("Payments \u001b[2J(production)", "U+001B")]
    [InlineData("Payments\0", "U+0000")]
    [InlineData("line\nbreak", "U+000A")]
    [InlineData("\u202Eevil", "U+202E")]
    [InlineData("isolate \u2066x\u2069", "U+2066")]
    [InlineData("\u200B", "visible")]
    [InlineData("\u200B\u200B\uFEFF", "visible")]
    public void text_with_control_bidi_or_nothing_visible_is_refused_naming_the_character(string text, string named)
    {
        var problem = Inputs.TextProblem(text);
        problem.ShouldNotBeNull();
        problem.ShouldContain(named);
    }

    [Fact]
    public void text_with_half_a_surrogate_pair_is_refused() => Inputs.TextProblem(new string(['a', '\uD800', 'b']))!.ShouldContain("surrogate");

    [Theory]
    [InlineData("Payments (production)")]
    [InlineData("Zürich – ops")]
    [InlineData("team 👩‍💻 platform")]
    [InlineData("מערכת")]
    [InlineData("   ")]
    public void ordinary_text_in_any_script_passes(string text) => Inputs.TextProblem(text).ShouldBeNull();

    [Fact]
    public void free_text_may_break_lines_but_not_hold_other_controls()
    {
        Inputs.TextProblem("first\r\nsecond\tindented", Inputs.MaxLongText, multiline: true).ShouldBeNull();
        Inputs.TextProblem("bell\a", Inputs.MaxLongText, multiline: true).ShouldNotBeNull();
        Inputs.TextProblem("first\nsecond").ShouldNotBeNull();
    }

    [Fact]
    public void text_longer_than_its_field_is_refused() => Inputs.TextProblem(new string('x', 201)).ShouldBe("must be at most 200 characters");

    [Fact]
    public void days_outside_1970_to_2200_are_out_of_bounds()
    {
        TimeBounds.Contains(new DateOnly(1970, 1, 1)).ShouldBeTrue();
        TimeBounds.Contains(new DateOnly(2200, 12, 31)).ShouldBeTrue();
        TimeBounds.Contains(new DateOnly(1969, 12, 31)).ShouldBeFalse();
        TimeBounds.Contains(DateOnly.MaxValue).ShouldBeFalse();
        TimeBounds.Contains(DateTimeOffset.MinValue).ShouldBeFalse();
    }
}
