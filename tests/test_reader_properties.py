"""Property tests on generated pages: articles cut, jumped and repeated the way the sample is."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import parse_page
from analysis.paths import RAW
from analysis.read.lines import is_headline_like, starts_mid_sentence, word_across

SAMPLE = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
# Real sentences of the sample, cut at full stops, as material for generated articles.
SENTENCES = sorted(
    {
        s + "。"
        for line in SAMPLE.split("\n")
        if line.endswith("。")
        for s in line.split("。")
        if 12 <= len(s) <= 90 and "本报讯" not in s
    }
)
HEADLINES = [
    "清江浦区召开项目攻坚推进会",
    "武墩卫生院建成实训基地",
    "吴圩村举办全民阅读活动",
    "城投集团关爱青少年成长",
    "区卫健委开展实境教育",
    "开发区盘活低效闲置资源",
    "区爱卫办开展三防培训",
    "延安路社区开展团队活动",
]
NAMES = ["蒲蔚", "石华岳", "陈子晗", "仲崇庆", "曹康蛟", "刘然", "倪金靓", "孙卉"]
CLOSERS = "。！？；：”）)"


@st.composite
def articles(draw):
    n = draw(st.integers(2, 4))
    heads = draw(st.permutations(HEADLINES))[:n]
    pool = iter(draw(st.permutations(SENTENCES)))  # a page does not print one sentence twice
    out = []
    for head in heads:
        paras = ["本报讯 日前，" + next(pool)]
        for _ in range(draw(st.integers(1, 2))):
            paras.append("".join(next(pool) for _ in range(draw(st.integers(1, 2)))))
        out.append(
            {
                "headline": head,
                "byline": "■通讯员 "
                + " ".join(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))),
                "paras": paras,
            }
        )
    return out


def cut(draw, para):
    """Split a paragraph into column blocks at points not right after a closing mark."""
    # A paragraph's first column line that reads like a subhead (`人间最美四月天，清江浦经济开发区`) is
    # ambiguous on the printed cues alone; such cuts are left out of the exact-reconstruction property.
    points = [
        i
        for i in range(16, len(para) - 2)
        if para[i - 1] not in CLOSERS + " " and para[i] not in CLOSERS + " " and not is_headline_like(para[:i])
    ]
    first = draw(st.sampled_from(points)) if points and draw(st.booleans()) else None
    later = [i for i in points if first is not None and i >= first + 16]  # a column line holds 16+ characters
    chosen = [first] if first is not None else []
    if later and draw(st.booleans()):
        chosen.append(draw(st.sampled_from(later)))
    bounds = [0, *chosen, len(para)]
    return [para[a:b] for a, b in zip(bounds, bounds[1:])]


@st.composite
def pages(draw, jumps=True, repeats=True):
    arts = draw(articles())
    body, tails = [], []
    for k, art in enumerate(arts):
        blocks = [art["headline"], art["byline"]] + [b for p in art["paras"] for b in cut(draw, p)]
        if jumps and k < len(arts) - 1 and len(blocks) > 4 and draw(st.booleans()):
            at = draw(st.integers(4, len(blocks) - 1))
            label = [art["headline"]] if draw(st.booleans()) else []
            tails.append(label + blocks[at:])
            blocks = blocks[:at]
        body += blocks
    page = body + [b for t in tails for b in t]
    if repeats and draw(st.booleans()):
        page += page[-draw(st.integers(1, 3)) :]
    return arts, "\n\n".join(page)


def placed_lines(page):
    return sorted([n for u in page.units for n in u.lines] + [d["line"] for d in page.dropped])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_every_line_lands_exactly_once(generated):
    _, text = generated
    page = parse_page(text)
    nonblank = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert placed_lines(page) == nonblank


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_only_repeats_are_dropped_and_every_kept_block_is_in_its_unit(generated):
    _, text = generated
    page = parse_page(text)
    lines = text.split("\n")
    for d in page.dropped:
        earlier = [line for line in lines[: d["line"] - 1] if line.strip() == d["text"]]
        assert earlier, f"line {d['line']} dropped but never printed before"
    for unit in page.units:
        printed = unit.headline + unit.kicker + unit.subtitle + "".join(p.text for p in unit.paras)
        for n in unit.lines:
            block = lines[n - 1].strip().removeprefix("本报讯 ")
            assert block in printed or block.startswith("■"), f"line {n} not in its unit"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(jumps=False))
def test_column_breaks_and_repeats_give_back_the_articles(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    for row, art in zip(df.itertuples(), arts):
        assert row.text == "\n".join(p.removeprefix("本报讯 ") for p in art["paras"])
        assert row.reporters == art["byline"].split()[1:]


KICKERS = [
    "坚持项目为王",
    "聚焦民生实事",
    "奋力推进乡村振兴",
    "区商务局：",
    "区委书记朱海波：",
]  # a speaker or source `X：` too
# a long, comma-split 肩题 over a headline-shaped line (too long to be a headline itself), where nothing
# above can run on into it: the page's top, or after an author note
LONG_KICKERS = [
    "招引一批，建成一批，投产一批，清江浦区项目攻坚见实效",
    "一条河带活一座城，里运河两岸文旅融合发展新路子",
]
COLUMN_TAGS = ["钟声", "国际视点", "关注改革最后一公里"]
DATELINES = ["本报电 ", "本报北京3月24日电  （记者 {names}）", "本报讯（记者 {names}）"]
NOTES = [
    "（作者为某某大学教授）",
    "（作者单位：某某研究院）",
    "（记者 蒲蔚）",
    "（陈子晗、刘然参与采写）",
    # a multi-city dateline note, longer than 60 characters
    "（本报北京、南京、淮安、扬州、苏州、无锡、常州、镇江3月24日电  记者蒲蔚、石华岳、陈子晗、仲崇庆、曹康蛟、刘然、倪金靓、孙卉）",
]


@st.composite
def party_pages(draw):
    """Party-paper conventions: kickers (a long comma-split one after an end), column tags, padded
    bylines, essays under a bare name in numbered parts, trailing author notes, short items opened by
    a dateline, with or without a credit."""
    arts = draw(articles())
    blocks, expected, leads = [], [], []
    for k, art in enumerate(arts):
        head = art["headline"]
        tag = draw(st.sampled_from(["", *COLUMN_TAGS]))
        # a page prints a kicker over one article only (one printed three times is a refrain, kept as text)
        long_kickers = [x for x in LONG_KICKERS if x not in blocks]
        kickers = [x for x in KICKERS if x not in blocks]
        if (k == 0 or expected[-1][2]) and long_kickers and draw(st.booleans()):  # the page's top, or after a note
            blocks.append(draw(st.sampled_from(long_kickers)))
        elif kickers and draw(st.booleans()):
            blocks.append(draw(st.sampled_from(kickers)))
        blocks.append(head + (f"（{tag}）" if tag else ""))
        short = draw(st.booleans())
        if short:
            names = "、".join(art["byline"].split()[1:])
            lead = draw(st.sampled_from(DATELINES)).format(names=names) + art["paras"][0].removeprefix("本报讯 日前，")
            blocks.append(lead)
            leads.append((len(expected), lead, names.split("、") if "记者" in lead else []))
        elif draw(st.booleans()):
            blocks.append("本报记者  " + "  ".join(art["byline"].split()[1:]))
            blocks += art["paras"]
        else:  # an essay: the author's bare name, then numbered parts
            first = art["paras"][0].removeprefix("本报讯 日前，")
            blocks += [art["byline"].split()[1], "一", first, "二", *art["paras"][1:]]
        note = draw(st.sampled_from(["", *NOTES]))
        if note:
            blocks.append(note)
        expected.append((head, tag, note))
    return expected, leads, "\n\n".join(blocks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(party_pages())
def test_party_paper_conventions_give_back_the_articles(generated):
    expected, leads, text = generated
    page = parse_page(text)
    nonblank = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert placed_lines(page) == nonblank
    df = page.articles()
    assert list(zip(df["headline"], df["column"], df["author_note"])) == expected
    for i, lead, names in leads:  # the dateline keeps its credit as printed; the names go to reporters
        row = df.iloc[i]
        assert (row.dateline + row.text.split("\n")[0]).replace(" ", "") == lead.replace(" ", "")
        assert set(names) <= set(row.reporters)


REFRAINS = ["同志们、朋友们！", "各位代表！"]


@st.composite
def speech_pages(draw):
    """A speech whose salutation is printed again between its sections, then other articles."""
    arts = draw(articles())
    refrain = draw(st.sampled_from(REFRAINS))
    times = draw(st.integers(3, 4))
    used = {p for a in arts for p in a["paras"]}
    spare = [s for s in draw(st.permutations(SENTENCES)) if "图为" not in s and not any(s in p for p in used)]
    sections = [b for k in range(times) for b in (refrain, spare[k])]
    arts[0]["paras"] = arts[0]["paras"][:1] + sections
    return arts, refrain, times


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speech_pages())
def test_a_line_printed_on_purpose_several_times_is_kept_each_time(generated):
    """A salutation printed between a speech's sections is text every time, never a repeat or a jump label."""
    arts, refrain, times = generated
    text = "\n\n".join(b for a in arts for b in [a["headline"], a["byline"], *a["paras"]])
    page = parse_page(text)
    assert page.dropped == []
    df = page.articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"].split("\n").count(refrain) == times


DASH_LABELS = [("生产更规范——", "绿色茶园少用化肥农药"), ("服务更贴心——", "“一站式”窗口方便群众办事")]


@st.composite
def dash_label_pages(draw):
    """A feature whose sections open with a dash label and its short second half, each a line of its own;
    a `█` 提要 line, a `■记者手记` section and the feature's staff credits (`版式：…`) at its end are its
    text too."""
    arts = draw(articles())
    label, rest = draw(st.sampled_from(DASH_LABELS))
    first = arts[0]["paras"]
    # a short line over a `图为…` caption is a photo title, even a column line while an article waits (a known limit)
    assume(not any("图为" in p for a in arts for p in a["paras"]))
    notebook = ["■记者手记", first[-1]] if len(first) > 2 and draw(st.booleans()) else []
    staff = draw(st.sampled_from([[], ["统筹：蒲蔚"], ["本期统筹：刘然", "版式设计：孙卉"]]))
    summary = draw(st.sampled_from([[], ["█一条河带活一座城，文旅融合走出发展新路子"]]))  # no closing mark
    middle = first[1 : len(first) - len(notebook) // 2]
    arts[0]["paras"] = [*first[:1], *summary, label, rest, *middle, *notebook, *staff]
    # a marked line is read whole as printed: one cut by a column break is split (a known limit)
    lines = [[p] if p.startswith("█") else cut(draw, p) for p in arts[0]["paras"]]
    first_blocks = [arts[0]["headline"], arts[0]["byline"], *[c for cs in lines for c in cs]]
    other_blocks = [
        b for a in arts[1:] for b in [a["headline"], a["byline"], *[c for p in a["paras"] for c in cut(draw, p)]]
    ]
    return arts, "\n\n".join(first_blocks + other_blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dash_label_pages())
def test_labels_marked_lines_and_staff_credits_are_paragraphs_of_their_own(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    for row, art in zip(df.itertuples(), arts):
        assert row.text == "\n".join(p.removeprefix("本报讯 ") for p in art["paras"])


# Invented verse (not from any paper): short lines, several ending in a comma.
VERSE = [
    "运河春水绿如蓝，",
    "两岸人家柳色深。",
    "桃花开遍清江浦，",
    "一路书声到小村。",
    "晚来灯火照长街，",
    "笑语欢声满城中。",
]


@st.composite
def verse_pages(draw):
    """A feature quoting a poem (4-6 short lines, each a line of its own) between two of its paragraphs."""
    arts = draw(articles())
    n = draw(st.sampled_from([4, 6]))
    first = arts[0]["paras"]
    assume(not any("图为" in p for a in arts for p in a["paras"]))  # a `图为` caption cut short reads as a photo
    assume(len(first[1]) > 16)  # prose after a poem, not one more short line
    arts[0]["paras"] = [*first[:1], *VERSE[:n], *first[1:]]
    # prose right after a poem cut into short column lines reads as more lines of it (a known limit): not cut here
    uncut = {*VERSE, first[1]}
    blocks = [
        b
        for a in arts
        for b in [a["headline"], a["byline"], *[c for p in a["paras"] for c in ([p] if p in uncut else cut(draw, p))]]
    ]
    return arts, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(verse_pages())
def test_a_poem_keeps_its_lines_as_printed(generated):
    """Lines of verse ending in a comma are not column breaks: each stays a paragraph of its own."""
    arts, text = generated
    page = parse_page(text)
    assert placed_lines(page) == [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    df = page.articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    for row, art in zip(df.itertuples(), arts):
        assert row.text == "\n".join(p.removeprefix("本报讯 ") for p in art["paras"])
    verse = [f for f in df.iloc[0]["flags"] if f["kind"] == "verse"]  # each decision shows in notebook 01
    assert len(verse) == sum(p in VERSE for p in arts[0]["paras"])


LIST_HEADS = ["艺荐", "书讯", "简讯"]
LIST_ITEMS = [
    ("运河春色", "——清江浦区书画作品展", "●时间：3月23日至4月23日", "●地点：区文化馆"),
    ("水墨淮安", "——青年画家作品联展", "●时间：4月1日至5月6日", "●地点：市美术馆"),
    ("书香满城", "——全民阅读成果展", "●时间：4月10日至4月30日", "●地点：区图书馆"),
]


@st.composite
def list_pages(draw):
    """A column head over short items (title, dash subtitle, `●` lines, a paragraph), no byline, then the
    other articles with their bylines: the list is one article, its items' lines its paragraphs."""
    arts = draw(articles())
    assume(not any("图为" in p for a in arts for p in a["paras"]))  # a `图为` caption cut short reads as a photo
    items = draw(st.permutations(LIST_ITEMS))[: draw(st.integers(2, 3))]
    spare = iter(draw(st.permutations([s for s in SENTENCES if "图为" not in s])))
    used = {p for a in arts for p in a["paras"]}
    spare = (s for s in spare if not any(s in p for p in used))
    paras = []
    for item in items:
        paras += [*item, next(spare)]
    head = draw(st.sampled_from(LIST_HEADS))
    at = draw(st.integers(0, len(arts)))
    blocks = []
    for k, a in enumerate(arts):
        if k == at:
            blocks += [head, *[c for p in paras for c in ([p] if len(p) < 16 else cut(draw, p))]]
        blocks += [a["headline"], a["byline"], *[c for p in a["paras"] for c in cut(draw, p)]]
    if at == len(arts):
        blocks += [head, *[c for p in paras for c in ([p] if len(p) < 16 else cut(draw, p))]]
    expected = [a["headline"] for a in arts]
    expected.insert(at, head)
    return expected, at, paras, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(list_pages())
def test_a_list_under_a_column_head_is_one_article(generated):
    expected, at, paras, text = generated
    page = parse_page(text)
    assert placed_lines(page) == [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    df = page.articles()
    assert list(df["headline"]) == expected
    assert df.iloc[at]["text"] == "\n".join(paras)
    assert sum(f["kind"] == "list_item" for f in df.iloc[at]["flags"]) == len(paras) // 5


@st.composite
def news_then_untitled_pages(draw):
    """A dated news item of two or more paragraphs, then a headline with no byline over a paragraph that is
    no lead (`…成果清单` / `应…邀请，…`): a new article, not a subhead of the item."""
    arts = draw(articles())
    assume(all(len(a["paras"]) >= 2 for a in arts))
    k = draw(st.integers(1, len(arts) - 1))
    opening = arts[k]["paras"][0].removeprefix("本报讯 日前，")
    assume(not starts_mid_sentence(opening))  # an article's own opening
    assume(not word_across(arts[k]["headline"], opening))  # a word across the join reads as a cut sentence
    blocks = []
    for n, a in enumerate(arts):
        byline = [] if n == k else [a["byline"]]
        paras = [p.removeprefix("本报讯 日前，") for p in a["paras"]] if n == k else a["paras"]
        a["paras"] = paras
        blocks += [a["headline"], *byline, *paras]
    return arts, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_then_untitled_pages())
def test_a_headline_without_byline_after_a_news_item_opens_an_article(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert ["headline_without_byline"] == [
        f["kind"] for f in df.explode("flags")["flags"].dropna() if "headline_" in f["kind"]
    ]
    for row, art in zip(df.itertuples(), arts):
        assert row.text == "\n".join(p.removeprefix("本报讯 ") for p in art["paras"])


SUBHEADS = ["办赛很专业", "观赛热情高", "服务更贴心", "场馆更智慧"]


@st.composite
def sibling_subhead_pages(draw):
    """A feature with subheads of one length; a later one stands over a time-phrase lead (`3月23日晚，…`)."""
    arts = draw(articles())
    first, second = draw(st.permutations(SUBHEADS))[:2]
    paras = [p.removeprefix("本报讯 日前，") for p in arts[0]["paras"]]
    assume(len(paras) >= 3 and not any("图为" in p for p in paras))  # a paragraph under each subhead; no caption
    assume(not any(starts_mid_sentence(p) for p in paras))  # a subhead stands over a paragraph's opening
    timed = "3月23日晚，" + paras[-1]
    arts[0]["paras"] = [paras[0], first, *paras[1:-1], second, timed]
    assume(not word_across(first, paras[1]))  # a word across the join reads as a cut sentence
    blocks = [b for a in arts for b in [a["headline"], a["byline"], *a["paras"]]]
    return arts, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sibling_subhead_pages())
def test_a_subhead_like_the_features_others_stays_in_it_over_a_time_phrase(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"] == "\n".join(arts[0]["paras"])


@st.composite
def twice_jumped_pages(draw):
    """An article whose tail is jumped in two pieces, each under its repeated headline (printed three times)."""
    arts = draw(articles())
    first = arts[0]
    assume(len(first["paras"]) >= 3)
    body = [first["headline"], first["byline"], first["paras"][0]]
    tails = [[first["headline"], p] for p in first["paras"][1:3]]
    rest = [b for a in arts[1:] for b in [a["headline"], a["byline"], *a["paras"]]]
    first["paras"] = first["paras"][:3]
    return arts, "\n\n".join(body + rest + [b for t in tails for b in t])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(twice_jumped_pages())
def test_a_headline_printed_three_times_labels_its_jumped_tails(generated):
    arts, text = generated
    page = parse_page(text)
    assert [d["kind"] for d in page.dropped] == ["jump_label", "jump_label"]
    df = page.articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"] == "\n".join(p.removeprefix("本报讯 ") for p in arts[0]["paras"])


BALANCED_SUBHEADS = ["高位推动，提升运行效率", "精准施策，持续攻坚突破"]  # shaped like headlines
COMMA_SUBHEADS = ["党建引领，让基层治理更有温度", "服务企业，跑出项目加速度"]  # shaped like cut sentences


@st.composite
def comma_subhead_pages(draw):
    """A feature whose subheads are comma-split phrases: the first balanced (a headline's shape), a later one
    not (`抱团整合，种啥养啥紧跟市场需求`): it stays a subhead, like the feature's first."""
    arts = draw(articles())
    paras = [p.removeprefix("本报讯 日前，") for p in arts[0]["paras"]]
    assume(len(paras) >= 3 and not any("图为" in p or starts_mid_sentence(p) for p in paras))
    first, later = draw(st.sampled_from(BALANCED_SUBHEADS)), draw(st.sampled_from(COMMA_SUBHEADS))
    assume(not word_across(first, paras[1]) and not word_across(later, paras[2]))
    arts[0]["paras"] = [paras[0], first, paras[1], later, *paras[2:]]
    blocks = [b for a in arts for b in [a["headline"], a["byline"], *a["paras"]]]
    return arts, later, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(comma_subhead_pages())
def test_a_comma_subhead_like_the_features_first_stays_a_subhead(generated):
    arts, later, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"] == "\n".join(arts[0]["paras"])
    assert later in df.iloc[0]["subheads"]
    assert {"kind": "subhead_like_others", "detail": arts[0]["paras"][1]} in [
        {k: f[k] for k in ("kind", "detail")} for f in df.iloc[0]["flags"]
    ]


PHOTO_CREDITS = [
    ("蒲  蔚摄", ["蒲蔚"]),
    ("刘然摄（人民视觉）", ["刘然"]),
    ("人民视觉", []),
    ("新华社记者  孙卉摄", ["孙卉"]),
]


@st.composite
def photo_pages(draw):
    """Articles with a photo between them: its title, a `图为` caption, then its credit (`蒲  蔚摄`, `人民视觉`),
    which stays the photo's last paragraph as printed."""
    arts = draw(articles())
    at = draw(st.integers(0, len(arts)))
    credit, names = draw(st.sampled_from(PHOTO_CREDITS))
    photo = ["智能化生产线", "3月23日，清江浦区一家企业的生产线满负荷运转。图为工人在检查产品。", credit]
    blocks = []
    for k, a in enumerate(arts):
        blocks += photo if k == at else []
        blocks += [a["headline"], a["byline"], *[c for p in a["paras"] for c in cut(draw, p)]]
    blocks += photo if at == len(arts) else []
    return arts, at, photo, names, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(photo_pages())
def test_a_photo_keeps_its_credit_line_and_names(generated):
    arts, at, photo, names, text = generated
    page = parse_page(text)
    assert placed_lines(page) == [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    df = page.articles()
    heads = [a["headline"] for a in arts]
    assert list(df["headline"]) == heads[:at] + [photo[0]] + heads[at:]
    row = df.iloc[at]
    assert (row["kind"], row["text"], row["reporters"]) == ("photo", "\n".join(photo[1:]), names)


def test_a_colon_line_over_a_paragraph_is_text_not_a_kicker():
    """`X：` is a 肩题 only over a heading block; over a paragraph it opens what X says."""
    text = "\n\n".join(
        [
            "清江浦区召开项目攻坚推进会",
            "■通讯员 蒲蔚",
            "本报讯 日前，全区项目攻坚推进会召开。",
            "区委书记朱海波：",
            SENTENCES[0],
        ]
    )
    df = parse_page(text).articles()
    assert list(df["headline"]) == ["清江浦区召开项目攻坚推进会"]
    assert df.iloc[0]["text"].split("\n")[1:] == ["区委书记朱海波：", SENTENCES[0]]


BOXES = ["什么是新时代文明实践（链接）", "病媒生物防治小常识（相关链接）"]


@st.composite
def box_pages(draw):
    """A feature ending in a box tagged as a link (`什么是云（链接）`): the box is the feature's text, not an article."""
    arts = draw(articles())
    used = {p for a in arts for p in a["paras"]}
    spare = [s for s in draw(st.permutations(SENTENCES)) if not any(s in p for p in used)]
    assume(not starts_mid_sentence(spare[0]) and "图为" not in spare[0])
    arts[0]["paras"] = [*arts[0]["paras"], draw(st.sampled_from(BOXES)), spare[0]]
    blocks = [b for a in arts for b in [a["headline"], a["byline"], *a["paras"]]]
    return arts, "\n\n".join(blocks)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(box_pages())
def test_a_link_box_stays_in_the_article_above(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"] == "\n".join(p.removeprefix("本报讯 ") for p in arts[0]["paras"])


def test_page_order_keeps_a_column_break_with_the_open_article_over_shared_vocabulary():
    """A waiting (jumped) article that shares more words with a block does not take it from the open
    article right above it: only a word formed across the join outweighs page order."""
    waiting = [s for s in SENTENCES if "清江浦经济开发区" in s][:3]
    text = "\n\n".join(
        [
            "开发区盘活低效闲置资源",
            "■通讯员 刘然",
            "本报讯 日前，" + "".join(waiting) + "清江浦经济开发区持续优化营商",  # its tail jumped to another page
            "区卫健委开展实境教育",
            "■通讯员 孙卉",
            "本报讯 日前，区卫健委组织党员干部走进",
            "清江浦经济开发区参观学习。",
        ]
    )
    df = parse_page(text).articles()
    assert list(df["headline"]) == ["开发区盘活低效闲置资源", "区卫健委开展实境教育"]
    assert df.iloc[1]["text"] == "日前，区卫健委组织党员干部走进清江浦经济开发区参观学习。"


def test_an_enumeration_cut_by_a_column_break_is_not_a_headline():
    """After a news item, a headline-shaped column line with an enumeration (`、`) opens no article (it is still
    kept as a subhead of the item: a known limit, its shape alone cannot tell it from one)."""
    text = "\n\n".join(
        [
            "清江浦区召开项目攻坚推进会",
            "■通讯员 蒲蔚",
            "本报讯 日前，全区项目攻坚推进会召开。",
            SENTENCES[0],
            "区领导吴守明、孙爱超、张尧宇",
            "参加会议。",
        ]
    )
    df = parse_page(text).articles()
    assert list(df["headline"]) == ["清江浦区召开项目攻坚推进会"]


SPACED_TITLES = ["运河春色 游人如织", "生态美如画 白鹭来做客"]


@st.composite
def spaced_title_pages(draw):
    """An article whose last paragraph is cut and jumped (under its repeated headline, at the page's end),
    then a spaced title with no byline over its own paragraph: the title opens an article, it never
    continues the cut sentence above it."""
    arts = draw(articles())
    first, second = arts[0], arts[1]
    pieces = cut(draw, first["paras"][-1])
    assume(len(pieces) >= 2 and not any(is_headline_like(p) for p in pieces[1:]))  # a jumped piece reads as text
    second["headline"], second["byline"] = draw(st.sampled_from(SPACED_TITLES)), ""
    second["paras"] = [p.removeprefix("本报讯 日前，") for p in second["paras"]]
    later = [p for a in arts[1:] for p in a["paras"]]
    # a later paragraph that forms a word with the cut (`…区|区领导`) is evidence the other way
    assume(not any(starts_mid_sentence(p) or word_across(pieces[0], p) for p in later))
    blocks = [first["headline"], first["byline"], *first["paras"][:-1], pieces[0]]
    for a in arts[1:]:
        blocks += [a["headline"], *([a["byline"]] if a["byline"] else []), *a["paras"]]
    blocks += [first["headline"], *pieces[1:]]
    return arts, "\n\n".join(blocks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spaced_title_pages())
def test_a_spaced_title_under_an_open_paragraph_opens_an_article(generated):
    arts, text = generated
    df = parse_page(text).articles()
    assert list(df["headline"]) == [a["headline"] for a in arts]
    assert df.iloc[0]["text"] == "\n".join(p.removeprefix("本报讯 ") for p in arts[0]["paras"])
    assert df.iloc[1]["text"] == "\n".join(arts[1]["paras"])
