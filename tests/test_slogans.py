"""Slogan extraction on the sample page (columns repaired by hand) and on the government reports."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slogan_fixtures import article, page_lines, paragraph, sample_articles

from analysis.atomic import write_csv
from analysis.echo import load_gov_reports
from analysis.slogans import TYPES, extract_slogans, slogan_lexicon

NO_LEXICON = pd.DataFrame(columns=["slogan"])


@pytest.fixture(scope="module")
def articles():
    return sample_articles()


@pytest.fixture(scope="module")
def uses(articles):
    return extract_slogans(articles, NO_LEXICON)


def uses_of(uses, slogan):
    return uses[uses.slogan == slogan]


def test_double_half_found_three_times_in_the_meeting_report(articles, uses):
    found = uses_of(uses, "双过半")
    meeting = article(articles, "清江浦区一季度经济形势分析")
    assert len(found) == 3
    assert set(found.article_id) == {meeting.article_id}
    assert set(found.type) == {"numbered"} and found.quoted.all()


def test_code_formulation_found_twice_and_numbered(uses):
    found = uses_of(uses, "13153·N")
    assert len(found) == 2 and set(found.type) == {"numbered"}


def test_couplet_joined_across_a_column_break_is_found_in_both_articles(articles, uses):
    found = uses_of(uses, "做的要比说的好、服务要比需求早")
    assert len(found) == 2 and found.article_id.nunique() == 2
    assert set(found.type) == {"couplet"}
    assert set(uses_of(uses, "大抓项目、抓大项目").type) == {"couplet"}


@pytest.mark.parametrize(
    "slogan, count", [("三先一后", 1), ("三见面", 1), ("五新", 1), ("一号工程", 1), ("三防", 4)]
)  # 三防: 3 in the text + 1 in the headline
def test_numbered_formulations(uses, slogan, count):
    found = uses_of(uses, slogan)
    assert len(found) == count and set(found.type) == {"numbered"}


def test_idioms_with_numerals_are_not_slogans(articles, uses):
    text = "".join(articles.text)
    for idiom in ("一砖一瓦", "百行百业", "千方百计"):
        assert idiom in text
        assert idiom not in set(uses.slogan)


def test_quoted_names_before_an_activity_word_are_events(uses):
    assert set(uses_of(uses, "书香沁童心 国企伴成长").type) == {"event"}
    assert set(uses_of(uses, "爱心速递·送书下乡").type) == {"event"}


def test_quoted_dictionary_words_and_examples_are_not_slogans(articles, uses):
    text = "".join(articles.text)
    for figure in ("“加速度”", "“先天不足”", "“新鲜血液”", "“团队协作”", "“问题楼盘”"):
        assert figure in text
        assert figure.strip("“”") not in set(uses.slogan)


def test_offsets_point_at_the_printed_form(articles, uses):
    fields = {(a, f): t for f in ("headline", "text") for a, t in zip(articles.article_id, articles[f])}
    assert all(
        fields[a, f][s:e] == form
        for a, f, s, e, form in zip(uses.article_id, uses.field, uses.start, uses.end, uses.form)
    )
    assert set(uses.field) == {"headline", "text"}


def test_a_repeated_block_counts_once(articles):
    block = "\n".join(paragraph(p) for p in [("本报讯 日前，清江浦区一季度",), ("活动中，志愿者们",)])
    assert page_lines().count(paragraph(("活动中，志愿者们",))) == 2  # the page prints it twice
    doubled = articles.head(1).assign(text=block + "\n" + block)
    counts = extract_slogans(doubled, NO_LEXICON).slogan.value_counts().to_dict()
    assert counts["双过半"] == 1 and set(counts.values()) == {1}


def test_lexicon_renames_merges_excludes_retypes_and_adds(articles, uses, tmp_path):
    lexicon = pd.DataFrame(
        [
            {"slogan": "五新", "canonical": "项目“五新”"},
            {"slogan": "头号工程", "canonical": "一号工程"},
            {"slogan": "双过半", "action": "exclude"},
            {"slogan": "回头看", "type": "campaign"},
            {"slogan": "招商引资", "note": "printed without quotes"},
        ]
    )
    path = write_csv(lexicon, tmp_path / "slogans.csv")
    found = extract_slogans(articles, path)
    assert set(uses_of(found, "项目“五新”").form) == {"五新"} and "五新" not in set(found.slogan)
    merged = uses_of(found, "一号工程")
    assert len(merged) == 2 and set(merged.form) == {"一号工程", "头号工程"}
    assert "双过半" not in set(found.slogan)
    assert set(uses_of(found, "回头看").type) == {"campaign"}
    added = uses_of(found, "招商引资")
    assert len(added) == sum(t.count("招商引资") for t in articles.text) > 0
    assert not added.quoted.any()
    overridden = ["五新", "项目“五新”", "一号工程", "头号工程", "双过半", "回头看", "招商引资"]
    rest = [
        frame[~frame.slogan.isin(overridden)][["article_id", "slogan", "type", "start"]].reset_index(drop=True)
        for frame in (found, uses)
    ]
    pd.testing.assert_frame_equal(*rest)


def test_lexicon_rejects_unknown_type_or_action():
    with pytest.raises(ValueError, match="unknown type"):
        extract_slogans(sample_articles().head(1), pd.DataFrame([{"slogan": "双过半", "type": "motto"}]))
    with pytest.raises(ValueError, match="action"):
        extract_slogans(sample_articles().head(1), pd.DataFrame([{"slogan": "双过半", "action": "drop"}]))


def test_shipped_lexicon_is_valid():
    lexicon = slogan_lexicon()
    assert set(lexicon.type) <= set(TYPES) | {""}
    assert lexicon.slogan.is_unique


@pytest.fixture(scope="module")
def reports():
    reports = load_gov_reports(resolutions=True)
    return reports.assign(
        article_id=[f"report#{i:02d}" for i in range(len(reports))], issue=reports.year.astype(str), date=pd.NaT
    )


def test_npc_resolution_numbered_formulations(reports):
    resolution = reports[reports.title.str.startswith("第十四届全国人民代表大会第三次会议")]
    found = extract_slogans(resolution, NO_LEXICON)
    numbered = found[found.type == "numbered"]
    assert set(numbered.slogan) == {"两个确立", "四个意识", "四个自信", "两个维护", "十四五", "十五五"}


def test_sentences_and_long_quotes_are_not_slogans(reports):
    report_1978 = reports[reports.year == 1978]
    assert "“对于革命来说，总是多一点人好。”" in report_1978.text.iloc[0]
    found = extract_slogans(reports, NO_LEXICON)
    assert not found.form.str.contains("[。！？；]").any()
    assert found.form[found.source == "quoted"].str.len().max() <= 30
    assert "对于革命来说，总是多一点人好。" not in set(found.form)


def test_unquoted_numeral_pairs_are_found_but_plain_numbers_are_not(reports):
    found = extract_slogans(reports, NO_LEXICON)
    unquoted = set(found.slogan[~found.quoted])
    assert {"一事一议", "一照一码"} <= unquoted
    text = "".join(reports.text)
    for number in ("九五", "十五", "一万一千", "三千二百", "19·5"):
        assert number in text
        assert number not in unquoted
    assert "长三角一体化" in text and "三角一体" not in unquoted


sample_text = st.builds(
    lambda a, b: "".join(page_lines())[min(a, b) : max(a, b)], st.integers(0, 6000), st.integers(0, 6000)
)


@settings(max_examples=40, deadline=None)
@given(st.lists(sample_text, min_size=1, max_size=4))
def test_every_use_is_where_it_says(texts):
    frame = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "text": texts})
    found = extract_slogans(frame, NO_LEXICON)
    assert all(texts[int(a)][s:e] == f for a, s, e, f in zip(found.article_id, found.start, found.end, found.form))
    assert set(found.type) <= set(TYPES)


def test_a_quote_opening_a_headline_is_not_an_example_of_a_kind():
    articles = pd.DataFrame(
        {"article_id": ["a"], "headline": ["“双过半”目标如期实现"], "text": ["全区要实现“双过半”。"]}
    )
    found = extract_slogans(articles, NO_LEXICON)
    assert found[found.slogan == "双过半"].field.tolist() == ["headline", "text"]
