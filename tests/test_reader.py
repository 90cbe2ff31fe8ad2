"""The sample page reads into exactly its articles and its photo (expectations from a close reading)."""

import pytest

from analysis import parse_page, read_issue
from analysis.paths import RAW

SAMPLE = RAW / "000_643968e12915283d.txt"

# (kind, headline, reporters, first words of the text, last words of the text, raw lines of body)
EXPECTED = [
    (
        "article",
        "清江浦区一季度经济形势分析暨项目攻坚推进会召开",
        ["蒲蔚", "石华岳", "陈子晗"],
        "日前，清江浦区一季度",
        "建成项目投产率。",
        [7, 9, 11, 13, 15, 17, 19, 21],
    ),
    (
        "article",
        "清江浦区领导赴北京广东考察招商",
        ["蒲蔚", "陈子晗"],
        "日前，清江浦区委书记朱海波赴北京",
        "累累硕果。",
        [27, 29, 31, 33, 35],
    ),
    (
        "article",
        "高端医疗器械生产与制造项目落户清江浦区",
        ["蒲蔚", "仲崇庆"],
        "日前，高端医疗器械",
        "税收超8000万元。",
        [41, 43, 45, 47, 49, 51, 53],
    ),
    (
        "article",
        "清江浦区推进建议提案办理工作",
        ["石华岳", "李晓天", "徐薇薇", "崔玥"],
        "近日，清江浦区召开2024年",
        "再上新台阶。",
        [57, 59],
    ),
    ("photo", "智能化生产线", ["曹康蛟"], "作为国家级高新技术企业", "图为该公司智能化生产车间。", [67]),
    (
        "article",
        "创新机制 “破冰”前行 清江浦区推动低效闲置资源“焕发新生”",
        ["刘然", "倪金靓"],
        "人间最美四月天",
        "全身心干事创业。",
        [75, 77, 79, 81, 83, 85, 87, 89, 91, 93, 95, 97],
    ),
    (
        "article",
        "清江浦区新时代文明实践中心建设工作联席会议召开",
        ["徐赟", "唐剑"],
        "日前，清江浦区新时代文明实践中心",
        "“最后一公里”。",
        [103, 105, 159],
    ),
    ("article", "清江浦城投关爱青少年成长", ["曹康蛟"], "近日，清江浦城投控股集团", "热爱生活。", [111, 113, 161, 163]),
    (
        "article",
        "清江浦区卫健委开展实境教育活动",
        ["孙卉", "陈晨", "蒋童"],
        "日前，清江浦区卫健委",
        "代代相传。",
        [119, 121, 167, 169],
    ),
    (
        "article",
        "清江浦区爱卫办开展学校食品安全病媒生物“三防”培训",
        ["殷莉莉", "蒋童"],
        "近日，清江浦区爱卫办",
        "提供相关依据。",
        [127, 129, 171],
    ),
    (
        "article",
        "武墩卫生院建成全区综合性实训基地",
        ["孙卉", "蒋童"],
        "近日，清江浦区农村区域医疗中心",
        "人才队伍保障。",
        [135, 137, 139, 175],
    ),
    (
        "article",
        "延安路社区增强青少年团队合作意识",
        ["曹康蛟", "张素琴"],
        "年的反应能力、观察力。",
        "团队协作能力。",
        [145, 147],
    ),
    (
        "article",
        "吴圩村举办“畅享春天 共享阅读”活动",
        ["胡宗元", "邵逸"],
        "活动期间，志愿者以互动问答",
        "浓厚氛围。",
        [153, 155, 157],
    ),
]


def kinds(flags) -> set:
    return {f["kind"] for f in flags}


@pytest.fixture(scope="module")
def table():
    return read_issue(SAMPLE)


@pytest.fixture(scope="module")
def page():
    return parse_page(SAMPLE.read_text(encoding="utf-8"), issue="sample")


def test_the_page_holds_exactly_its_articles_and_photo(table):
    assert list(table["kind"]) == [e[0] for e in EXPECTED]
    assert list(table["headline"]) == [e[1] for e in EXPECTED]
    assert list(table["order"]) == list(range(1, 14))


@pytest.mark.parametrize("n", range(len(EXPECTED)))
def test_each_article(table, n):
    kind, headline, reporters, first, last, body_lines = EXPECTED[n]
    row = table.iloc[n]
    assert row["reporters"] == reporters
    assert row["text"].startswith(first)
    assert row["text"].endswith(last)
    assert set(body_lines) <= set(row["lines"])


def test_contract_columns_and_identity(table):
    for col in ["issue", "date", "order", "kind", "headline", "reporters", "text", "subheads", "flags"]:
        assert col in table
    assert set(table["issue"]) == {"000_643968e12915283d"}
    assert table["date"].isna().all()  # the sample's name carries no date


def test_column_breaks_join_without_separator_even_inside_words_and_slogans(table):
    text = "\n".join(table["text"])
    for joined in [
        "全区上下要坚定发展信心",
        "精准谋划一批形式多样、有足够吸引力的促消费活动，努力",
        "“做的要比说的好、服务要比需求早”",
        "他介绍了企业概况",
        "科技、外资、食品3支专业招商队伍",
        "对企业发展取得的丰硕成果表示钦佩",
        "低效闲置资源处置盘活工作专班",
    ]:
        assert joined in text


def test_continuations_are_reattached_by_evidence_not_by_the_misleading_label(table):
    by_headline = table.set_index("headline")["text"]
    assert "要在服务上精准有力，提升工作实效" in by_headline["清江浦区新时代文明实践中心建设工作联席会议召开"]
    assert "大家登上里运河画舫" in by_headline["清江浦城投关爱青少年成长"]
    assert "悠悠书香沁童心" in by_headline["清江浦城投关爱青少年成长"]
    # the label above line 167 names the 爱卫办 article, but the text continues the 卫健委 one
    assert "沿着周总理生平的足迹" in by_headline["清江浦区卫健委开展实境教育活动"]
    assert "疾控中心公卫科负责人" in by_headline["清江浦区爱卫办开展学校食品安全病媒生物“三防”培训"]
    assert "基地将开展更加标准化" in by_headline["武墩卫生院建成全区综合性实训基地"]


def test_paragraphs_are_in_reading_order(table):
    wuwei = table.set_index("headline").loc["吴圩村举办“畅享春天 共享阅读”活动"]
    assert wuwei["text"].split("\n") == [
        "活动期间，志愿者以互动问答的形式向孩子们介绍候鸟的种类、形态特征、生活习性等，孩子们认真聆听、积极互动。",
        "据悉，吴圩村将进一步开展全民阅读进校园、亲子阅读、好书推荐等一系列阅读推广活动，让更多群众从阅读中受益，形成全民爱读书、读好书、善读书的浓厚氛围。",
    ]
    assert "beginning_lost" in kinds(wuwei["flags"])


def test_headline_after_body_fragment_and_subheads(table):
    t = table.set_index("headline")
    assert "headline_after_body" in kinds(t.loc["清江浦区推进建议提案办理工作", "flags"])
    assert "beginning_lost" in kinds(t.loc["延安路社区增强青少年团队合作意识", "flags"])
    assert t.loc["创新机制 “破冰”前行 清江浦区推动低效闲置资源“焕发新生”", "subheads"] == [
        "高位推动，提升运行效率",
        "精准施策，持续攻坚突破",
        "腾笼换凤，提升土地效益",
        "严管厚爱，激励担当作为",
    ]


def test_datelines_are_split_from_the_text(table):
    assert table.iloc[0]["dateline"] == "本报讯"
    assert not any(t.startswith("本报讯") for t in table["text"])


def test_repeated_blocks_and_labels_are_dropped_with_reasons(page):
    dropped = {d["line"]: d["reason"] for d in page.dropped}
    assert sorted(dropped) == [165, 173, 177, 179, 181, 183, 185, 187, 189]
    assert "jump label" in dropped[165] and "repeated block" in dropped[179]
    kinds = {d["line"]: d["kind"] for d in page.dropped}
    assert (kinds[165], kinds[179]) == ("jump_label", "repeated_block")


def test_nothing_is_lost(page):
    raw = SAMPLE.read_text(encoding="utf-8").split("\n")
    nonblank = [n for n, line in enumerate(raw, 1) if line.strip()]
    placed = [n for u in page.units for n in u.lines] + [d["line"] for d in page.dropped]
    assert sorted(placed) == nonblank


def test_other_papers_conventions():
    page = "\n\n".join(
        [
            "坚持项目为王",
            "全力以赴拼经济促发展",
            "——我市一季度重大项目观察",
            "本报记者  季  芳",
            "本报讯（记者 王强 通讯员 李明）3月24日，全市重大项目集中开工活动举行。",
            "新质生产力成为热词（下转第2版）",
            "外省书讯",
            "新华社北京3月24日电（记者 张晓、刘洋）国务院新闻办公室24日举行发布会。",
            "责任编辑：王五",
        ]
    )
    df = parse_page(page).articles()
    first = df.iloc[0]
    assert (first["kicker"], first["headline"], first["subtitle"]) == (
        "坚持项目为王",
        "全力以赴拼经济促发展",
        "我市一季度重大项目观察",
    )
    assert first["reporters"] == ["季芳", "王强", "李明"]
    assert "新质生产力成为热词" in first["text"] and "下转" not in first["text"]
    second = df.iloc[1]
    assert second["headline"] == "外省书讯"
    assert second["dateline"] == "新华社北京3月24日电（记者 张晓、刘洋）" and second["reporters"] == ["张晓", "刘洋"]
    assert second["text"] == "国务院新闻办公室24日举行发布会。"


def test_national_paper_conventions_commentary_and_items_without_headline():
    page = "\n\n".join(
        [
            "推动高质量发展 建设现代化强国",
            "本报记者  季  芳",
            "本报北京3月24日电  国家统计局24日发布数据，一季度国内生产总值同比增长5.3%，经济运行开局良好。",
            "国家统计局新闻发言人表示，一季度国民经济延续回升向好态势，工业生产较快增长。",
            "以实干担当奋力开创新局面",
            "张  伟",
            "新时代新征程，实干才能梦想成真。广大党员干部要牢记嘱托，把心思和精力放在抓落实上。",
            "干事创业，贵在实干。只有一步一个脚印，才能把蓝图变为现实。",
            "我市启动春季植树活动",
            "本报通讯员 王小明  记者 李强",
            "本报讯 连日来，我市各地掀起植树造林热潮，共植树50余万株。",
            "新华社北京3月24日电（记者 张晓、刘洋）国务院新闻办公室24日举行新闻发布会，介绍有关情况。",
            "据介绍，今年以来各地区各部门认真贯彻落实党中央决策部署，各项工作取得积极进展。",
        ]
    )
    df = parse_page(page).articles()
    assert list(df["headline"]) == [
        "推动高质量发展 建设现代化强国",
        "以实干担当奋力开创新局面",
        "我市启动春季植树活动",
        "",
    ]
    assert list(df["reporters"]) == [["季芳"], ["张伟"], ["王小明", "李强"], ["张晓", "刘洋"]]
    assert list(df["dateline"]) == ["本报北京3月24日电", "", "本报讯", "新华社北京3月24日电（记者 张晓、刘洋）"]
    assert list(df["kind"]) == ["article"] * 4
    assert df["text"].iloc[1].split("\n")[0].startswith("新时代新征程")
    assert df["text"].iloc[3].endswith("各项工作取得积极进展。")
    assert kinds(df["flags"].iloc[3]) >= {"dateline_without_headline", "no_headline"}


def test_a_summary_label_is_its_own_paragraph():
    page = "\n\n".join(
        [
            "我市启动春季植树活动",
            "本报记者  季  芳",
            "核心阅读",
            "连日来，我市各地掀起植树造林热潮，共植树50余万株。",
            "据介绍，今年以来各地认真贯彻落实部署，各项工作取得积极进展。",
        ]
    )
    df = parse_page(page).articles()
    assert len(df) == 1
    assert df["text"].iloc[0].split("\n")[:2] == ["核心阅读", "连日来，我市各地掀起植树造林热潮，共植树50余万株。"]


def test_labels_inside_an_article_are_closed_lines_of_their_own():
    from analysis.read import lines as L

    for label in ["生产更规范——", "二", "（三）", "■记者手记", "█一条河带活一座城", "●时间：3月23日", "版式设计：孙卉"]:
        assert L.is_closed(label), label
    for cut in ["他说——", "一是", "培训现场，清江浦区疾控中心公", "统筹推进"]:
        assert not L.is_closed(cut), cut
    assert L.classify("责任编辑：刘然")[0] == "furniture"  # the page's editor line is still furniture
    assert L.classify("统筹：刘然")[0] == "body"  # a feature's staff credit is its text
