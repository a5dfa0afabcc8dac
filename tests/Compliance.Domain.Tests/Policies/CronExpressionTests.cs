using Compliance.Domain.Policies;

namespace Compliance.Domain.Tests.Policies;

public sealed class CronExpressionTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CronExpression Parse(string text)
    {
        CronExpression.TryParse(text, out var cron, out var error).ShouldBeTrue(error);
        return cron;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void first_tuesday_at_two_in_berlin_follows_daylight_saving_time()
    {
        var occurrences = Parse("0 2 * * 2#1").Occurrences(Utc(2026, 2, 15), Utc(2026, 12, 1), Berlin);

        occurrences.ShouldBe([
            Utc(2026, 3, 3, 1),   // CET, +01:00
            Utc(2026, 4, 7, 0),   // CEST, +02:00 (clocks went forward on 29 March)
            Utc(2026, 5, 5, 0),
            Utc(2026, 6, 2, 0),
            Utc(2026, 7, 7, 0),
            Utc(2026, 8, 4, 0),
            Utc(2026, 9, 1, 0),
            Utc(2026, 10, 6, 0),
            Utc(2026, 11, 3, 1),  // CET again (clocks went back on 25 October)
        ]);
        occurrences.Select(o => o.Offset).Distinct().ShouldBe([TimeSpan.FromHours(1), TimeSpan.FromHours(2)], ignoreOrder: true);
        occurrences.ShouldAllBe(o => o.ToOffset(Berlin.GetUtcOffset(o)).Hour == 2);
    }

    [Fact]
    public void a_time_in_the_spring_forward_gap_happens_at_the_end_of_the_gap() =>
        Parse("30 2 29 3 *").Occurrences(Utc(2026, 3, 28), Utc(2026, 3, 30), Berlin).ShouldBe([Utc(2026, 3, 29, 1)]);

    [Fact]
    public void several_times_in_the_gap_collapse_into_one() =>
        Parse("*/20 2 29 3 *").Occurrences(Utc(2026, 3, 28), Utc(2026, 3, 30), Berlin).ShouldBe([Utc(2026, 3, 29, 1)]);

    [Fact]
    public void a_time_repeated_when_clocks_go_back_happens_once_at_its_first_instant() =>
        Parse("30 2 25 10 *").Occurrences(Utc(2026, 10, 24), Utc(2026, 10, 26), Berlin).ShouldBe([Utc(2026, 10, 25, 0, 30)]);

    [Fact]
    public void lists_and_ranges_select_each_named_value() =>
        Parse("0,30 9-10 * * 1-5").Occurrences(Utc(2026, 9, 4), Utc(2026, 9, 8), TimeZoneInfo.Utc).ShouldBe([
            Utc(2026, 9, 4, 9), Utc(2026, 9, 4, 9, 30), Utc(2026, 9, 4, 10), Utc(2026, 9, 4, 10, 30), // Friday
            Utc(2026, 9, 7, 9), Utc(2026, 9, 7, 9, 30), Utc(2026, 9, 7, 10), Utc(2026, 9, 7, 10, 30), // Monday
        ]);

    [Fact]
    public void steps_divide_the_whole_field_or_a_range() =>
        Parse("*/15 0-12/6 * * *").Occurrences(Utc(2026, 9, 1), Utc(2026, 9, 2), TimeZoneInfo.Utc).ShouldBe([
            Utc(2026, 9, 1, 0), Utc(2026, 9, 1, 0, 15), Utc(2026, 9, 1, 0, 30), Utc(2026, 9, 1, 0, 45),
            Utc(2026, 9, 1, 6), Utc(2026, 9, 1, 6, 15), Utc(2026, 9, 1, 6, 30), Utc(2026, 9, 1, 6, 45),
            Utc(2026, 9, 1, 12), Utc(2026, 9, 1, 12, 15), Utc(2026, 9, 1, 12, 30), Utc(2026, 9, 1, 12, 45),
        ]);

    [Fact]
    public void a_single_value_with_a_step_runs_to_the_end_of_the_field() =>
        Parse("0 20/2 1 9 *").Occurrences(Utc(2026, 9, 1), Utc(2026, 9, 2), TimeZoneInfo.Utc)
            .ShouldBe([Utc(2026, 9, 1, 20), Utc(2026, 9, 1, 22)]);

    [Fact]
    public void month_and_weekday_names_and_sunday_as_seven_are_understood()
    {
        var byName = Parse("0 3 * jan,JUL Sun").Occurrences(Utc(2026, 1, 1), Utc(2027, 1, 1), TimeZoneInfo.Utc);
        var byNumber = Parse("0 3 * 1,7 7").Occurrences(Utc(2026, 1, 1), Utc(2027, 1, 1), TimeZoneInfo.Utc);

        byName.Count.ShouldBe(8); // four Sundays in January 2026, four in July 2026
        byName.ShouldBe(byNumber);
        byName.ShouldAllBe(o => o.DayOfWeek == DayOfWeek.Sunday);
    }

    [Fact]
    public void day_of_month_and_day_of_week_both_restricted_match_either() =>
        Parse("0 0 1 * MON").Occurrences(Utc(2026, 9, 1), Utc(2026, 9, 15), TimeZoneInfo.Utc)
            .ShouldBe([Utc(2026, 9, 1), Utc(2026, 9, 7), Utc(2026, 9, 14)]);

    [Fact]
    public void a_starred_day_field_and_a_restricted_one_must_both_match()
    {
        var cron = Parse("0 0 */10 * MON");

        cron.RestrictsBothDays.ShouldBeFalse();
        cron.Occurrences(Utc(2026, 9, 1), Utc(2027, 1, 1), TimeZoneInfo.Utc).ShouldBe([Utc(2026, 9, 21), Utc(2026, 12, 21)]);
    }

    [Theory]
    [InlineData("0 0 1 * MON", true)]
    [InlineData("0 0 1-7 * 2#1", true)]
    [InlineData("0 0 * * MON", false)]
    [InlineData("0 0 1 * *", false)]
    [InlineData("0 0 */2 * MON", false)]
    [InlineData("0 0 1 * */2", false)]
    public void an_expression_says_whether_it_restricts_both_day_fields(string text, bool both) =>
        Parse(text).RestrictsBothDays.ShouldBe(both);

    [Fact]
    public void nth_weekdays_in_a_list_each_select_their_day() =>
        Parse("0 2 * 1-3 1#1,5#3").Occurrences(Utc(2026, 1, 1), Utc(2026, 4, 1), TimeZoneInfo.Utc).ShouldBe([
            Utc(2026, 1, 5, 2), Utc(2026, 1, 16, 2), Utc(2026, 2, 2, 2), Utc(2026, 2, 20, 2), Utc(2026, 3, 2, 2), Utc(2026, 3, 20, 2),
        ]);

    [Fact]
    public void a_weekday_list_with_an_nth_weekday_selects_both_kinds() =>
        Parse("0 2 * 6 SUN,1#1").Occurrences(Utc(2026, 6, 1), Utc(2026, 6, 15), TimeZoneInfo.Utc)
            .ShouldBe([Utc(2026, 6, 1, 2), Utc(2026, 6, 7, 2), Utc(2026, 6, 14, 2)]);

    [Fact]
    public void an_interval_in_the_hour_repeated_when_clocks_go_back_fires_once_per_minute_at_the_first_pass() =>
        Parse("*/30 2 25 10 *").Occurrences(Utc(2026, 10, 24), Utc(2026, 10, 26), Berlin)
            .ShouldBe([Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 0, 30)]);

    [Fact]
    public void every_hour_of_the_day_clocks_go_back_fires_once_per_local_hour()
    {
        var hourly = Parse("0 * 25 10 *").Occurrences(Utc(2026, 10, 24), Utc(2026, 10, 27), Berlin);

        hourly.Count.ShouldBe(24);
        hourly.Select(o => TimeZoneInfo.ConvertTime(o, Berlin).Hour).ShouldBe(Enumerable.Range(0, 24));
    }

    [Fact]
    public void the_fifth_weekday_only_occurs_in_months_that_have_one() =>
        Parse("0 2 * * FRI#5").Occurrences(Utc(2026, 1, 1), Utc(2026, 7, 1), TimeZoneInfo.Utc)
            .ShouldBe([Utc(2026, 1, 30, 2), Utc(2026, 5, 29, 2)]);

    [Fact]
    public void the_range_includes_its_start_and_excludes_its_end() =>
        Parse("0 * * * *").Occurrences(Utc(2026, 9, 1, 1), Utc(2026, 9, 1, 3), TimeZoneInfo.Utc)
            .ShouldBe([Utc(2026, 9, 1, 1), Utc(2026, 9, 1, 2)]);

    [Fact]
    public void an_empty_or_reversed_range_of_instants_has_no_occurrences() =>
        Parse("* * * * *").Occurrences(Utc(2026, 9, 2), Utc(2026, 9, 1), TimeZoneInfo.Utc).ShouldBeEmpty();

    [Fact]
    public void occurrences_by_zone_id_match_occurrences_by_zone() =>
        Parse("0 2 * * 2#1").Occurrences(Utc(2026, 1, 1), Utc(2027, 1, 1), "Europe/Berlin")
            .ShouldBe(Parse("0 2 * * 2#1").Occurrences(Utc(2026, 1, 1), Utc(2027, 1, 1), Berlin));

    [Theory]
    [InlineData("0 2 * *", "must have 5 fields")]
    [InlineData("0 2 * * * 2026", "must have 5 fields")]
    [InlineData("", "must have 5 fields")]
    [InlineData("60 * * * *", "minute value in '60' is outside 0-59")]
    [InlineData("* 24 * * *", "hour value")]
    [InlineData("* * 0 * *", "day-of-month value")]
    [InlineData("* * * 13 *", "month value")]
    [InlineData("* * * * 8", "day-of-week value")]
    [InlineData("5-1 * * * *", "reversed")]
    [InlineData("*/0 * * * *", "step must be a positive")]
    [InlineData("* * * * 2#6", "between 1 and 5")]
    [InlineData("* * * * 2#0", "between 1 and 5")]
    [InlineData("* * 1#1 * *", "only allowed in the day-of-week")]
    [InlineData("x * * * *", "is not a number")]
    [InlineData("1,,2 * * * *", "empty list item")]
    [InlineData("0 0 30 2 *", "never matches")]
    [InlineData("0 0 31 4,6,9,11 *", "never matches")]
    [InlineData("0 0 L * *", "day-of-month item 'L' is not a number")]
    [InlineData("0 0 15W * *", "day-of-month item '15W' is not a number")]
    [InlineData("0 0 * * 5L", "day-of-week item '5L' is not a number")]
    [InlineData("0 0 ? * MON", "day-of-month item '?' is not a number")]
    [InlineData("H * * * *", "minute item 'H' is not a number")]
    [InlineData("0 22-2 * * *", "hour range '22-2' is reversed")]
    [InlineData("@daily", "must have 5 fields")]
    [InlineData("0 0 0 * * *", "must have 5 fields")]
    public void rejects_an_invalid_expression_naming_the_problem(string text, string reason)
    {
        CronExpression.TryParse(text, out var cron, out var error).ShouldBeFalse();
        cron.ShouldBeNull();
        error.ShouldContain(reason, Case.Insensitive);
    }

    [Fact]
    public void the_twenty_ninth_of_february_is_a_valid_if_rare_schedule() =>
        Parse("0 0 29 2 *").Occurrences(Utc(2026, 1, 1), Utc(2029, 1, 1), TimeZoneInfo.Utc).ShouldBe([Utc(2028, 2, 29)]);

    [Fact]
    public void a_missing_time_zone_is_not_found() => TimeZones.TryFind("Mars/Olympus_Mons", out _).ShouldBeFalse();
}
