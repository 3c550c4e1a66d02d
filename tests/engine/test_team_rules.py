"""The team rules added for trustworthy team results: agreement per item, intervals, the profile,
repeats, overlapping reports, the mirror per item and the department overview. Worked by hand.

Runs in CPython and in Pyodide (no files, no pytest), like test_team.py, whose small site of
definitions it uses.
"""

from __future__ import annotations

import json
import math

from assessments.groupstats import t_quantile
from assessments.overlap import (
    MAX_REMEMBERED,
    EarlierReport,
    OverlapError,
    overlaps,
    read_earlier_report,
    read_remembered,
    remember,
)
from assessments.overview import department_overview
from assessments.resultfiles import respondent_key
from assessments.spreadsheet import mirror_csv, overview_csv, team_csv
from assessments.team import TeamError, mirror_report, team_report
from tests.engine.builders import raises
from tests.engine.test_team import (
    CATALOG,
    OTHER_TEAM,
    PROEF,
    PROEF_TEAM,
    TEAM,
    WORKED,
    answers,
    close,
    document,
    encoded,
    figures,
    result_file,
    team_files,
)

#: t(0.975) with 4 degrees of freedom, from a table (and scipy.stats.t.ppf).
T_4 = 2.7764451051977987


def report_bytes(report: dict) -> bytes:
    return json.dumps(report).encode("utf-8")


# ---- Agreement: the label from the mean item agreement ----


def test_the_agreement_label_does_not_depend_on_how_many_items_a_dimension_has():
    # Five people answer 2, 3, 4, 4, 5 on every item (v4 reverse-keyed: raw 4, 3, 2, 2, 1).
    # Each item: s2 = 1.3, r_wg,j = 1 - 1.3/2 = 0.35 on 'vier' (4 items) and 'vijf' (5 items).
    # r_wg(J) grows with J: 4 * 0.35 / (4 * 0.35 + 0.65) = 0.683 against 1.75 / 2.4 = 0.729.
    team = [answers((v, v, v, 6 - v), (v,) * 5) for v in (2, 3, 4, 4, 5)]
    report = team_report(team_files(team), CATALOG)
    vier, vijf = figures(report, "vier"), figures(report, "vijf")
    assert close(vier["rwg_items"], 0.35) and close(vijf["rwg_items"], 0.35)
    assert vier["agreement"] == vijf["agreement"] == "weinig overeenstemming"
    assert close(vier["rwg"], 1.4 / 2.05) and close(vijf["rwg"], 1.75 / 2.4)
    assert (vier["shown_rwg_items"], vier["shown_rwg"], vijf["shown_rwg"]) == (
        "0,35",
        "0,68",
        "0,73",
    )


def test_item_agreement_is_zero_not_negative_for_more_disagreement_than_chance():
    # v1 answered 1 5 1 5 1: s2 = 4.8 > 2, r_wg,j = 0 (not -1.4); v2-v4 all 3: r_wg,j = 1 each.
    team = [answers((v, 3, 3, 3)) for v in (1, 5, 1, 5, 1)]
    vier = figures(team_report(team_files(team), CATALOG), "vier")
    assert close(vier["rwg_items"], 0.75) and vier["agreement"] == "sterke overeenstemming"


# ---- The interval of a team mean ----


def test_every_team_mean_has_its_95_percent_interval_worked_by_hand():
    # WORKED 'vier': means 4 5 3 4 4, mean 4, sd sqrt(0.5), n 5.
    vier = figures(team_report(team_files(WORKED), CATALOG), "vier")
    half = T_4 * math.sqrt(0.5) / math.sqrt(5)  # 0.878
    ci = vier["ci"]
    assert close(ci["half_width"], half)
    assert close(ci["low"], 4 - half) and close(ci["high"], 4 + half)
    assert close(ci["low_score"], 25 * (3 - half)) and close(ci["high_score"], 25 * (3 + half))
    assert (vier["shown_ci_low"], vier["shown_ci_high"]) == ("3,1", "4,9")
    assert (vier["shown_ci_low_score"], vier["shown_ci_high_score"]) == ("53", "97")


def test_the_interval_with_five_people_and_sd_half_is_about_015_positions():
    assert close(t_quantile(0.975, 4), T_4)
    assert round(T_4 * 0.5 / math.sqrt(5), 2) == 0.62  # CONTENT.md: about +-0.62 scale points


def test_an_interval_is_clipped_to_the_scale():
    team = [answers((5, 5, 5, 1))] * 4 + [answers((4, 4, 4, 2))]
    vier = figures(team_report(team_files(team), CATALOG), "vier")
    assert vier["ci"]["high"] == 5 and vier["ci"]["high_score"] == 100.0
    assert vier["ci"]["half_width"] > 5 - vier["mean"]


def test_a_withheld_dimension_has_no_interval():
    vijf = figures(team_report(team_files(WORKED), CATALOG), "vijf")
    assert vijf["ci"] is None and vijf["shown_ci_low"] is None and vijf["shown_mean"] is None


# ---- The team's profile ----


def test_the_profile_calls_two_dimensions_different_only_when_their_intervals_do_not_overlap():
    # 'vier' means 5 5 5 5 4 (interval about 4.24-5); 'vijf' everyone 2 (interval 2-2).
    apart = [answers((5, 5, 5, 1), (2,) * 5)] * 4 + [answers((4, 4, 4, 2), (2,) * 5)]
    profile = team_report(team_files(apart), CATALOG)["profile"]
    assert profile == {
        "highest": ["vier"],
        "lowest": ["vijf"],
        "different": True,
        "distinct_pairs": [["vier", "vijf"]],
    }
    # 'vier' means 5 4 3 4 4 (3.12-4.88); 'vijf' 3 4 3 4 3 (mean 3.4, about 2.72-4.08): overlap.
    close_by = [
        answers((5, 5, 5, 1), (3,) * 5),
        answers((4, 4, 4, 2), (4,) * 5),
        answers((3, 3, 3, 3), (3,) * 5),
        answers((4, 4, 4, 2), (4,) * 5),
        answers((4, 4, 4, 2), (3,) * 5),
    ]
    profile = team_report(team_files(close_by), CATALOG)["profile"]
    assert (profile["highest"], profile["lowest"]) == (["vier"], ["vijf"])
    assert profile["different"] is False and profile["distinct_pairs"] == []


def test_equal_dimensions_are_named_together_and_never_different():
    team = [answers((v, v, v, 6 - v), (v,) * 5) for v in (2, 3, 4, 4, 5)]
    profile = team_report(team_files(team), CATALOG)["profile"]
    assert profile["highest"] == profile["lowest"] == ["vier", "vijf"]
    assert profile["different"] is False


def test_no_profile_with_fewer_than_two_dimensions_with_a_figure():
    assert team_report(team_files(WORKED), CATALOG)["profile"] is None


# ---- Repeats ----


def test_a_copy_with_its_id_in_capitals_counts_once():
    files = team_files(WORKED[:4])
    copy = json.loads(files[0][1])
    copy["id"] = copy["id"].upper()
    error = raises(TeamError, team_report, [*files, ("kopie.json", encoded(copy))], CATALOG)
    assert "Er zijn 4 bruikbare uitslagen" in str(error)
    assert "dezelfde uitslag als 'r1.json'" in error.left_out[0].reason


def test_a_uuid_with_and_without_hyphens_is_one_result():
    hexed = "0f3c2a1b4d5e6f708192a3b4c5d6e7f8"
    uuid = f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"
    one = document(TEAM, WORKED[0], result_id=hexed)
    two = document(TEAM, WORKED[0], result_id=uuid.upper())
    report = team_report(
        [*team_files([*WORKED[1:], WORKED[1]]), ("a", encoded(one)), ("b", encoded(two))], CATALOG
    )
    assert report["respondents"] == 6 and [e["file"] for e in report["left_out"]] == ["b"]
    assert respondent_key(hexed) == respondent_key(uuid.upper())


def test_identical_answers_and_date_are_named_as_likely_the_same_result():
    # r4 gives exactly r1's answers (see WORKED); r6 those of r2, on the same day.
    files = team_files([*WORKED, WORKED[1]])
    report = team_report(files, CATALOG)
    assert report["respondents"] == 6  # different ids: all count; the facilitator decides
    assert report["likely_same"] == [["r1.json", "r4.json"], ["r2.json", "r6.json"]]
    r6 = json.loads(files[5][1])
    r6["created"] = "2026-01-01"
    other_day = team_report([*files[:5], ("r6.json", encoded(r6))], CATALOG)
    assert other_day["likely_same"] == [["r1.json", "r4.json"]]


def test_every_report_carries_the_sorted_keys_of_the_files_it_counted():
    files = team_files(WORKED)
    report = team_report(files, CATALOG)
    ids = [json.loads(data)["id"] for _, data in files]
    assert report["respondent_keys"] == sorted(respondent_key(i) for i in ids)
    assert all(len(key) == 16 for key in report["respondent_keys"])


# ---- Reports that overlap ----


def six_and_five() -> tuple[dict, list]:
    """A report of six files, and the same files without the sixth (a member who left)."""
    six = team_files([*WORKED, WORKED[2]])
    return team_report(six, CATALOG), six[:5]


def test_a_report_of_the_same_people_minus_one_names_the_earlier_report():
    earlier, five = six_and_five()
    previous = read_earlier_report("oud/rapport-6.json", report_bytes(earlier))
    report = team_report(five, CATALOG, earlier=[previous])
    assert report["replaces"] == [{"source": "rapport-6.json", "added": 0, "removed": 1}]
    # The subtraction this guards against: the sixth person's dimension mean, exactly.
    sixth = 6 * figures(earlier, "vier")["mean"] - 5 * figures(report, "vier")["mean"]
    assert close(sixth, 3.0)


def test_a_late_file_also_overlaps_and_a_new_group_does_not():
    _, five = six_and_five()
    first = team_report(five, CATALOG)
    previous = read_earlier_report("vijf.json", report_bytes(first))
    six = team_report(
        [*five, team_files([WORKED[2]], prefix="laat")[0]], CATALOG, earlier=[previous]
    )
    assert six["replaces"] == [{"source": "vijf.json", "added": 1, "removed": 0}]
    others = team_report(team_files(WORKED, prefix="ander"), CATALOG, earlier=[previous])
    assert others["replaces"] == []  # nobody shared: a new group
    same = team_report(five, CATALOG, earlier=[previous])
    assert same["replaces"] == []  # the same people: nothing new to learn


def test_overlap_counts_files_added_and_removed_up_to_four():
    old = EarlierReport("oud", "t", 1, frozenset("abcdefghij"))
    assert overlaps("t", 1, list("abcdefwxyz"), [old]) == []  # 4 out, 4 in: differs by 8
    assert overlaps("t", 1, list("abcdefghwx"), [old]) == [
        {"source": "oud", "added": 2, "removed": 2}
    ]
    assert overlaps("t", 2, list("abcdefghi"), [old]) == []  # another version
    assert overlaps("u", 1, list("abcdefghi"), [old]) == []  # another test


def test_an_earlier_report_that_cannot_be_compared_is_refused_with_its_reason():
    earlier, _ = six_and_five()
    old_format = dict(earlier, format_version=1)
    cases = {
        b"{": "geen geldige JSON",
        encoded({"format": "iets"}): "geen teamrapport",
        report_bytes(old_format): "oudere versie",
        report_bytes(
            dict(earlier, respondent_keys=["<b>x</b>"])
        ): "sleutels die deze site niet maakt",
        report_bytes(
            dict(earlier, respondent_keys=earlier["respondent_keys"][:1] * 2)
        ): "twee keer",
    }
    for data, reason in cases.items():
        error = raises(OverlapError, read_earlier_report, "r.json", data)
        assert reason in str(error) and "'r.json'" in str(error), str(error)


def test_the_page_remembers_keys_and_dates_only_and_reads_them_back():
    earlier, five = six_and_five()
    from datetime import date

    text = remember([], earlier, date(2026, 12, 3))
    assert "answers" not in text and "mean" not in text and "vier" not in text
    remembered = read_remembered(text)
    assert remembered[0].source == "een eerder rapport op dit apparaat (3 december 2026)"
    report = team_report(five, CATALOG, earlier=remembered)
    assert report["replaces"][0]["removed"] == 1
    # The same set twice is kept once; a new one is added.
    again = remember(remembered, earlier, date(2026, 12, 4))
    assert len(read_remembered(again)) == 1
    both = remember(remembered, report, date(2026, 12, 4))
    assert len(read_remembered(both)) == 2


def test_remembered_reports_are_capped_and_the_oldest_go_first():
    earlier, _ = six_and_five()
    from datetime import date

    kept: list = []
    for day in range(1, MAX_REMEMBERED + 3):
        changed = dict(earlier, respondent_keys=[f"{day:016x}", *earlier["respondent_keys"][1:]])
        kept = read_remembered(remember(kept, changed, date(2026, 1, 1).fromordinal(700000 + day)))
    assert len(kept) == MAX_REMEMBERED
    assert f"{3:016x}" in kept[0].keys


def test_unreadable_remembered_text_is_an_error_in_dutch():
    for text, reason in (
        ("{", "geen geldige JSON"),
        ('{"format": "x"}', "onleesbaar"),
        (
            json.dumps(
                {
                    "format": "vertrouwenswijzer-rapportsleutels",
                    "format_version": 1,
                    "reports": [{}] * (MAX_REMEMBERED + 1),
                }
            ),
            "meer dan",
        ),
        (
            json.dumps(
                {
                    "format": "vertrouwenswijzer-rapportsleutels",
                    "format_version": 1,
                    "reports": [{"created": "2026-02-30"}],
                }
            ),
            "datum",
        ),
    ):
        error = raises(OverlapError, read_remembered, text)
        assert str(error).startswith("Wat deze pagina onthoudt") and reason in str(error)
    assert read_remembered(None) == []


# ---- The mirror per item ----

SELF = answers((3, 3, 3, 3))


def mirror(team_sets: list[tuple], own: dict = SELF) -> dict:
    team = [
        result_file(
            f"lid{n}.json", PROEF_TEAM, {f"{k}-team": v for k, v in answers(vier, (3,) * 5).items()}
        )
        for n, vier in enumerate(team_sets, 1)
    ]
    return mirror_report(result_file("ik.json", PROEF, own), team, CATALOG)


def test_the_mirror_per_item_names_blind_spots_and_hidden_strengths():
    # Everyone answers v1 5 (2 above the manager's 3): a hidden strength. v4 is reverse-keyed:
    # the team's raw 5 against the manager's 3 means the team sees more of the bad behaviour:
    # a blind spot, though the raw difference is +2 too.
    result = mirror([(5, 3, 3, 5)] * 5)
    by_id = {row["id"]: row for row in result["items"]}
    assert by_id["v1-team"]["self_item"] == "v1" and by_id["v1-team"]["own"] == 3
    assert by_id["v1-team"]["difference"] == 2.0 and by_id["v1-team"]["gap"] == "verborgen-kracht"
    assert by_id["v4-team"]["difference"] == 2.0 and by_id["v4-team"]["gap"] == "blinde-vlek"
    assert by_id["v2-team"]["difference"] == 0.0 and by_id["v2-team"]["gap"] is None
    assert by_id["v1-team"]["shown_difference"] == "+2,0" and by_id["v1-team"]["shown_own"] == "3"
    assert by_id["v1-team"]["team"]["groups"][2]["count"] == 5  # five answers: groups only
    assert result["blind_spots"] == ["v4-team"] and result["hidden_strengths"] == ["v1-team"]
    assert [row["id"] for row in result["items"]][:4] == [
        "v1-team",
        "v2-team",
        "v3-team",
        "v4-team",
    ]


def test_an_item_gap_counts_from_one_scale_point():
    # v1: 4 4 4 4 3, mean 3.8: 0.8 above the manager's 3: no gap. v2: 4 4 4 4 4: exactly 1.
    result = mirror([(4, 4, 3, 3)] * 4 + [(3, 4, 3, 3)])
    by_id = {row["id"]: row for row in result["items"]}
    assert by_id["v1-team"]["gap"] is None and close(by_id["v1-team"]["difference"], 0.8)
    assert by_id["v2-team"]["gap"] == "verborgen-kracht"


def test_an_item_the_manager_did_not_answer_has_no_difference():
    own = answers((None, 3, 3, 3))
    row = mirror([(5, 3, 3, 3)] * 5, own)["items"][0]
    assert (row["own"], row["difference"], row["gap"], row["shown_own"]) == (None, None, None, None)


def test_a_large_difference_inside_the_teams_interval_is_not_meaningful():
    # Team 'vier' means 5 5 5 2 3: mean 4, sd sqrt(2), interval about 2.24-5. The manager's 3
    # is a full scale point below the team mean (>= 0.7) but inside the interval.
    team = [(5, 5, 5, 1)] * 3 + [(2, 2, 2, 4), (3, 3, 3, 3)]
    vier = next(d for d in mirror(team)["dimensions"] if d["id"] == "vier")
    assert close(vier["difference"], 25.0) and vier["self_inside_ci"] is True
    assert vier["meaningful"] is False and vier["shown_difference"] == "+25"


def test_the_mirror_csv_has_a_row_per_dimension_and_per_item():
    text = mirror_csv(mirror([(5, 3, 3, 5)] * 5))
    lines = text.lstrip("\ufeff").split("\r\n")
    assert lines[0].startswith("soort;id;titel;dimensie;eenheid;eigen;team;verschil")
    assert sum(line.startswith("dimensie;") for line in lines) == 2
    assert sum(line.startswith("vraag;") for line in lines) == 9
    assert "vraag;v4-team;v4;vier;schaalpunten;3;5,00;2,00;;;5;0;blinde vlek" in lines


# ---- The team CSV from the engine ----


def test_the_team_csv_neutralises_text_but_not_the_engines_figures():
    files = [*team_files(WORKED), ("=HYPERLINK(1).json", b"{")]
    report = team_report(files, CATALOG)
    lines = team_csv(report, TEAM).lstrip("\ufeff").split("\r\n")
    left_out = next(line for line in lines if line.startswith("niet meegeteld;"))
    assert left_out.startswith("niet meegeteld;proefteam;1;'=HYPERLINK(1).json;is geen geldige")
    dimension = next(line for line in lines if line.startswith("dimensie;proefteam;1;vier;"))
    assert ";5;4,00;0,71;3,12;4,88;75,0;Boven het midden;sterke overeenstemming;" in dimension


# ---- The department overview ----


def team_report_file(name: str, answer_sets: list[dict], prefix: str, assessment=TEAM) -> tuple:
    report = team_report(team_files(answer_sets, assessment, prefix=prefix), CATALOG)
    return name, report_bytes(report)


def three_teams() -> list[tuple[str, bytes]]:
    # 'vier' team means: A 4 4 4 4 4 (mean 4, sd 0), B 2 3 2 3 2 (2.4), C 3 3 3 3 3 3 (3).
    a = [answers((4, 4, 4, 2))] * 5
    b = [answers((v, v, v, 6 - v)) for v in (2, 3, 2, 3, 2)]
    c = [answers((3, 3, 3, 3))] * 6
    return [
        team_report_file("a.json", a, "a"),
        team_report_file("b.json", b, "b"),
        team_report_file("c.json", c, "c"),
    ]


def test_the_overview_pools_the_teams_worked_by_hand():
    overview = department_overview(three_teams(), CATALOG)
    assert overview["format"] == "vertrouwenswijzer-afdelingsoverzicht"
    assert [t["file"] for t in overview["teams"]] == ["a.json", "b.json", "c.json"]
    vier = next(d for d in overview["dimensions"] if d["id"] == "vier")
    # N = 16; pooled = (5*4 + 5*2.4 + 6*3) / 16 = 50/16 = 3.125.
    assert (vier["g"], vier["n"]) == (3, 16) and close(vier["mean"], 3.125)
    # Total SD from the raw means: within = 4 * 0.3 (B: sd^2 = 0.3), between =
    # 5 (0.875)^2 + 5 (0.725)^2 + 6 (0.125)^2 = 6.55; sqrt((1.2 + 6.55) / 15).
    assert close(vier["sd"], math.sqrt((1.2 + 6.55) / 15))
    # ICC(1): MSB = 6.55 / 2, MSW = 1.2 / 13, k = 16/3.
    msb, msw, k = 6.55 / 2, 1.2 / 13, 16 / 3
    assert close(vier["icc1"], (msb - msw) / (msb + (k - 1) * msw))
    assert close(vier["score"], 25 * 2.125) and vier["shown_score"] == "53"
    assert [t["file"] for t in vier["teams"]] == ["a.json", "b.json", "c.json"]
    assert vier["teams"][1]["shown_mean"] == "2,4" and vier["teams"][1]["ci"] is not None


def test_a_team_withholding_a_dimension_is_left_out_of_it_and_named():
    files = three_teams()
    withheld = [answers((3, 3, 3, 3), (3, None, None, None, None))] * 5
    files[2] = team_report_file("c.json", withheld, "c")
    vijf = next(d for d in department_overview(files, CATALOG)["dimensions"] if d["id"] == "vijf")
    assert vijf["withheld"] == ["c.json"] and vijf["g"] == 2 and vijf["icc1"] is None
    assert vijf["mean"] is not None  # two teams still make a figure


def test_no_pooled_figure_from_one_team():
    files = three_teams()
    withheld = [answers((3, 3, 3, 3), (3, None, None, None, None))] * 5
    files[1] = team_report_file("b.json", withheld, "b")
    files[2] = team_report_file("c.json", withheld, "c")
    vijf = next(d for d in department_overview(files, CATALOG)["dimensions"] if d["id"] == "vijf")
    assert vijf["g"] == 1 and vijf["mean"] is None and vijf["shown_mean"] is None


def test_reports_that_share_a_person_are_refused_and_named():
    files = three_teams()
    report_a = json.loads(files[0][1])
    subset = dict(report_a, respondent_keys=report_a["respondent_keys"])  # the same people
    overview = department_overview([*files, ("kopie.json", report_bytes(subset))], CATALOG)
    (entry,) = overview["left_out"]
    assert entry["file"] == "kopie.json" and "deelt 5 uitslagen met 'a.json'" in entry["reason"]
    six = [answers((4, 4, 4, 2))] * 5 + [answers((2, 2, 2, 4))]
    big = team_report(team_files(six, prefix="a"), CATALOG)  # a's five files and one more
    assert set(report_a["respondent_keys"]) != set(big["respondent_keys"])


def test_an_overview_refuses_what_is_not_a_usable_team_report():
    files = three_teams()
    report = json.loads(files[0][1])
    bad = {
        "x.json": b"[" * 50_000,
        "uitslag.json": encoded(document(TEAM, WORKED[0])),
        "oud.json": report_bytes(dict(report, format_version=1)),
        "versie.json": report_bytes(dict(report, version=7)),
        "ander.json": team_report_file("ander.json", [answers((3, 3, 3, 3))] * 5, "o", OTHER_TEAM)[
            1
        ],
        "getal.json": report_bytes(
            dict(
                report,
                dimensions=[dict(report["dimensions"][0], mean=1.5), report["dimensions"][1]],
            )
        ),
        "sleutels.json": report_bytes(dict(report, respondent_keys=report["respondent_keys"][:4])),
        "<script>.json": report_bytes(dict(report, assessment="<script>alert(1)</script>")),
    }
    overview = department_overview([*files[1:], *bad.items()], CATALOG)
    assert [e["file"] for e in overview["left_out"]] == list(bad)
    reasons = dict((e["file"], e["reason"]) for e in overview["left_out"])
    assert "dieper genest" in reasons["x.json"]
    assert "niet de losse uitslagen" in reasons["uitslag.json"]
    assert "andere versie van de site" in reasons["oud.json"]
    assert "versie 1" in reasons["versie.json"] and "niet samen" in reasons["versie.json"]
    assert "dit overzicht gaat over 'Test proefteam'" in reasons["ander.json"]
    assert "cijfers die niet kloppen" in reasons["getal.json"]
    assert "sleutels kloppen niet" in reasons["sleutels.json"]
    assert "kent" in reasons["<script>.json"] and "<script>" not in reasons["<script>.json"]


def test_an_overview_needs_two_usable_reports():
    error = raises(TeamError, department_overview, three_teams()[:1], CATALOG)
    assert str(error).startswith("Er is 1 bruikbaar teamrapport")


def test_the_overview_csv_has_team_rows_and_a_department_row_per_dimension():
    overview = department_overview(three_teams(), CATALOG)
    lines = overview_csv(overview).lstrip("\ufeff").split("\r\n")
    assert lines[0] == (
        "soort;zelftest;versie;dimensie_id;dimensie;team;n;gemiddelde;sd;marge_laag;marge_hoog;"
        "positie_0_100;band;icc1"
    )
    assert sum(line.startswith("team;proefteam;1;vier;") for line in lines) == 3
    department = next(line for line in lines if line.startswith("afdeling;proefteam;1;vier;"))
    assert ";alle teams;16;3,13;" in department
