"""The people in the articles: who appears, with which title as printed, in what order, doing what.

Found by method, never from a list of names:
1. a grammar of titles: a title word (书记, 区长, 董事长, 区领导 …) with the organisation words before it,
   chained with 、 (`区委常委、清江浦经济开发区党工委副书记`), followed by a name or a 、-list of names;
2. a name is a known surname (compound surnames included) and one or two more characters; where it
   ends is read from what follows it (punctuation, 出席, 等, 指出 …), and jieba's `nr` tag (its own
   dictionary, not the project's user dictionary) decides the doubtful cases;
3. the corpus's name table: every name once printed with a title is then found without it
   (`朱海波向企业负责人介绍…`), with Aho–Corasick, and inherits the title it was printed with.
Reporters and photographers (the `reporters` column, `■通讯员 …` lines) are never actors.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import ahocorasick_rs
import jieba
import pandas as pd
import rjieba

COLUMNS = [
    "article_id",
    "issue",
    "date",
    "name",
    "title",
    "organization",
    "position_in_list",
    "role_in_article",
    "titled",
    "sentence",
]

# The words a title ends with (the 副/常务/总 and the organisation before them are read as printed).
TITLE_WORDS = (
    "书记 常委 委员 主席 总理 部长 省长 市长 区长 县长 镇长 乡长 主任 局长 院长 检察长 庭长 厅长 处长 科长 "
    "校长 所长 站长 社长 行长 会长 理事长 秘书长 董事长 经理 总裁 总监 主委 区领导 市领导 县领导 省领导 镇领导 乡领导 "
    "国家领导人 负责人 大使 外长 总统 首相 议长 总督 国王 王储 苏丹 亲王 队长 政委 司令员 参谋长 推广人 达人 标兵 能手 劳模"
).split()
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥"
    "班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻位厉伊仝郜阚花权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初门云容敬扈"
    "晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅揭尉冶束檀衣展"
    "阴昝智幸奉植衡富尧闭习"
)
COMPOUND_SURNAMES = set(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门 轩辕 呼延 澹台 "
    "申屠 钟离 闻人 赫连 拓跋".split()
)
# Characters a given name does not contain: function words, and what follows a name in officialese.
NOT_IN_NAME = set("的了在是与及等为对向将把被就都也又还而并或从到们个这那其该此各赴率说团组部处、，。；：")
# What may follow a name, scored: punctuation best, then longer words.
PUNCTUATION = set("，。、；：！？,.;:!?（）()“”‘’《》「」 \n\t")
FOLLOWERS = (
    "一行 同志 出席 主持 参加 讲话 调研 考察 陪同 会见 会谈 签约 签署 指出 强调 表示 介绍 要求 希望 带队 率队 "
    "前往 来到 深入 走访 看望 慰问 致辞 发言 分享 围绕 听取 实地 宣布 回应 近日 日前 今天 昨天 当选 致电 出任 "
    "批示 代表 主讲 等 说 对 向 在 与 和 同 赴 到 率 为 的 作 也 还 则 一 先 及 共 听 看 来 是 将 亲 就 于 用"
).split()
# What a verb after a name says the person did.
ROLES = {
    "出席": "出席",
    "主持": "主持",
    "参加": "参加",
    "调研": "调研",
    "视察": "调研",
    "走访": "调研",
    "看望": "调研",
    "慰问": "调研",
    "考察": "考察",
    "参观": "考察",
    "陪同": "陪同",
    "会见": "会见",
    "会谈": "会见",
    "签约": "签约",
    "签署": "签约",
    "讲话": "讲话",
    "指出": "讲话",
    "强调": "讲话",
    "表示": "讲话",
    "介绍": "讲话",
    "要求": "讲话",
    "致辞": "讲话",
    "发言": "讲话",
    "分享": "讲话",
    "说": "讲话",
}


def _alternation(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


ROLE_PATTERN = re.compile(_alternation(ROLES))
FOLLOWER = re.compile(_alternation(FOLLOWERS))
TITLE_START = re.compile(_alternation(TITLE_WORDS))
TITLE_PATTERN = re.compile(_alternation(TITLE_WORDS) + "”?")
TITLE_END = re.compile(_alternation(TITLE_WORDS) + "$")
TITLE_BODY = re.compile(r"^(.*?)(?:常务)?副?总?" + _alternation(TITLE_WORDS) + "”?$")  # the body a title names
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The organisation prefix of a title stops after these words (the clause before it is not part of the title).
PREFIX_STOPS = re.compile(
    r".*(?:召开|开展|举行|举办|主持|出席|参加|会见|陪同|会同|带领|率领|日前|近日|本报讯|以及|的|了|在|由)"
)
# Institutions whose name is an organisation, not part of the title (`海南桐轩投资有限公司董事长`).
INSTITUTION = re.compile(r"^(.*(?:公司|集团|银行|医院|卫生院|学校|大学|学院|协会|商会|研究院|研究所|中学|小学))(.+)$")
REFERENCE = re.compile(r"^该(院|公司|集团|局|校|厂|行|社|所|中心|医院)")
CREDIT = re.compile(r"■\s*(?:通讯员|记者|摄影|摄|文/图|图)[\s：:]*([\u4e00-\u9fff][\u4e00-\u9fff\s]*)")
SENTENCE_END = re.compile(r"[。！？\n]")
CLAUSE_END = re.compile(r"[，。；：！？\n]")
VERBS_BEFORE_TITLE = {"应", "会见", "会晤", "宣读", "致电", "祝贺", "邀请", "看望", "感谢", "听取", "来看"}
OBJECT_MARKERS = "对向与和同给把被为"  # a name after these is the object of someone else's verb
MAX_PREFIX = 40
COMMON_FREQ = 400  # jieba dictionary frequency from which a word is never a name (李强 159, 马克 491)
RARE_FREQ = 50  # below it a dictionary word may well be a name


@lru_cache(maxsize=1)
def _tagger() -> rjieba.Jieba:
    """jieba's own dictionary with POS tags (never the project's user dictionary, which lists local officials)."""
    return rjieba.Jieba()


def _follow_score(text: str, end: int) -> int:
    """How clearly a name can end at `end`: 9 before punctuation or the end, else the length of the word after it."""
    if end >= len(text) or text[end] in PUNCTUATION or text[end].isdigit():
        return 9
    if text[end] == "·" or TITLE_START.match(text, end):  # a foreign name goes on; a title names the next person
        return -1
    follower = FOLLOWER.match(text, end)
    return len(follower.group()) if follower else 0


def _name_at(text: str, start: int) -> str:
    """The personal name that starts at `start`, or ""."""
    two = text[start : start + 2]
    surname = 2 if two in COMPOUND_SURNAMES else 1 if text[start : start + 1] in SURNAMES else 0
    if not surname:
        return ""
    candidates = []
    for length in (surname + 1, surname + 2):
        name = text[start : start + length]
        if len(name) < length or not all(CHINESE.match(c) and c not in NOT_IN_NAME for c in name[surname:]):
            break
        if (score := _follow_score(text, start + length)) >= 0:
            candidates.append((score, length, name))
    if not candidates:
        return ""
    best = max(score for score, _, _ in candidates)
    tied = [name for score, _, name in candidates if score == best]
    if best == 0 or len(tied) > 1:  # doubtful: jieba's nr tag decides
        word, tag = _tagger().tag(text[start : start + 8])[0]
        if not (tag.startswith("nr") and 2 <= len(word) <= 4 and _follow_score(text, start + len(word)) >= 0):
            return ""
        name, best = word, _follow_score(text, start + len(word))
    else:
        name = tied[0]
    return "" if _common_word(name, best) or _jieba_disagrees(text, start, name) else name


def _common_word(name: str, follow_score: int) -> bool:
    """A word of jieba's dictionary, not a person (项目, 欧洲, 宣誓, 殷殷), unless a name is likely.

    jieba's tags do not settle it (it tags 乌克兰, 智慧 and 殷殷 `nr`); frequency mostly does: a frequent
    word is never a name, a rarer one only when a clear cue follows it (汪洋主持, 李强出席).
    """
    freq, tag = _dictionary().get(name, (0, ""))
    if freq >= COMMON_FREQ or (freq and tag[:1] in "vpcdaf"):
        return True
    return bool(freq) and tag != "nrfg" and follow_score < 2


def _jieba_disagrees(text: str, start: int, name: str) -> bool:
    """jieba reads the name as the start of a longer word (宣誓就职, 马尔代夫) or as a function word first (向世界)."""
    word, tag = _tagger().tag(text[start : start + len(name) + 3])[0]
    return len(word) > len(name) or (len(word) < len(name) and tag[:1] in "pcdvurf")


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[int, str]]:
    """jieba's dictionary words of 2 to 4 characters used often enough to matter: word -> (frequency, tag)."""
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        entries = (line.split() for line in f)
        return {e[0]: (int(e[1]), e[2]) for e in entries if 2 <= len(e[0]) <= 4 and int(e[1]) >= RARE_FREQ}


def _title_start(text: str, end: int) -> int:
    """Where the title phrase ending at `end` starts: back over organisation words and 、-chained titles."""
    start = end
    while start > max(0, end - MAX_PREFIX):
        ch = text[start - 1]
        if ch == "、" and not TITLE_END.search(text, max(0, start - 6), start - 1):
            break
        if not (CHINESE.match(ch) or ch in "“”、"):
            break
        start -= 1
    stop = PREFIX_STOPS.match(text, start, end)
    return stop.end() if stop else start


def _titled_mentions(text: str):
    """(title start, [(name start, name)], title as printed) for every title followed by a name or list of names."""
    previous_end = 0
    for match in TITLE_PATTERN.finditer(text):
        names, pos = [], match.end()
        while name := _name_at(text, pos):
            names.append((pos, name))
            pos += len(name)
            if not text.startswith("、", pos):
                break
            pos += 1
        if not names:
            continue
        start = max(_title_start(text, match.start()), previous_end)
        while start < match.start() and text[start] in "和与及、，":
            start += 1
        prefix = _tagger().tag(text[start : match.start()]) if start < match.start() else []
        if prefix and prefix[-1][1].startswith("nr"):  # 习近平主席贺信: a name before its title, not after
            continue
        for i, (word, tag) in enumerate(prefix):  # 同法国总统, 应国务院总理: the title starts after them
            if tag == "p" or word in VERBS_BEFORE_TITLE:
                start = match.start() - sum(len(w) for w, _ in prefix[i + 1 :])
        if start == match.start():  # a bare title (总统贺信): a dictionary word after it is no name
            names = [(at, name) for at, name in names if name not in _dictionary()]
        if names:
            previous_end = pos
            yield start, names, text[start : match.end()]


def _split_title(title: str, before: str) -> tuple[str, str]:
    """(title, organization): an institution's name goes to organization, 该院 is resolved from `before`."""
    last = title.rsplit("、", 1)[-1]
    if ref := REFERENCE.match(last):
        found = re.findall(rf"[\u4e00-\u9fff]{{2,6}}?{ref.group(1)}", before)
        return last[ref.end() :], found[-1] if found else ""
    if inst := INSTITUTION.match(title):
        return inst.group(2), inst.group(1)
    if "“" in last:  # an honorific in quotes names no organisation
        return title, ""
    body = TITLE_BODY.match(last)
    return title, body.group(1) if body else ""


def _roles(span: str) -> str:
    """The role verbs in the text after a name: the first one, and those joined to it by 并."""
    span = CLAUSE_END.split(span, 1)[0]
    roles, last = [], 0
    for match in ROLE_PATTERN.finditer(span):
        if not roles or "并" in span[last : match.start()]:
            roles.append(ROLES[match.group()])
            last = match.end()
    return "/".join(dict.fromkeys(roles))


def _reporters(articles: pd.DataFrame) -> set[str]:
    """Every name in a byline, a photo credit or a `■通讯员 …` line of the corpus."""
    names = set()
    if "reporters" in articles:
        names.update(n for names in articles["reporters"] for n in (list(names) if names is not None else []))
    for text in articles["text"]:
        for credit in CREDIT.findall(text):
            names.update(credit.split())
    return names


def _titled(text: str, reporters: set[str]) -> list[tuple]:
    """(start, name start, name, title, organization, position in list) of each titled mention in `text`."""
    found = []
    for start, names, printed in _titled_mentions(text):
        title, organization = _split_title(printed, text[:start])
        for position, (pos, name) in enumerate(names, start=1):
            if name not in reporters:
                found.append((start if position == 1 else pos, pos, name, title, organization, position))
    return found


def _starts_word(text: str, pos: int) -> bool:
    """jieba, on a few characters around `pos`, starts a word there."""
    window = max(0, pos - 4)
    offset = window
    for word in _tagger().cut(text[window : pos + 6]):
        if offset >= pos:
            return offset == pos
        offset += len(word)
    return False


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    end = SENTENCE_END.search(text, pos)
    return text[start : end.end() if end else len(text)].strip()


def extract_people(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per mention of a person in the articles' headlines and texts (COLUMNS).

    `title` is as printed with this mention, or (`titled` False) as printed earlier in the article or,
    failing that, in the corpus; `position_in_list` is the place in the list printed after one title
    (NA when untitled); `role_in_article` the verbs after the name (出席/讲话 …), shared along a list.
    """
    reporters = _reporters(articles)
    texts = (articles["headline"].fillna("") + "\n" + articles["text"].fillna("")).tolist()
    titled = [_titled(text, reporters) for text in texts]
    known = {}  # the name table: each name's latest title, learned in date order
    by_date = articles.reset_index(drop=True).sort_values(["date", "issue"], kind="stable", na_position="first")
    for i in by_date.index:
        known.update({name: (title, org) for _, _, name, title, org, _ in titled[i]})
    patterns = list(known)
    finder = ahocorasick_rs.AhoCorasick(patterns) if patterns else None
    rows = []
    for row, text, found in zip(articles.itertuples(index=False), texts, titled):
        mentions = [(*m, True) for m in found]
        here = {name: (title, org) for _, _, name, title, org, _ in found}
        for name_index, pos, end in finder.find_matches_as_indexes(text, overlapping=True) if finder else []:
            name = patterns[name_index]
            if any(p <= pos < p + len(n) for _, p, n, *_ in found) or _common_word(name, _follow_score(text, end)):
                continue  # printed with its title here, or a word (在希望的田野上) as much as a name
            before = text[pos - 1] if pos else "\n"
            if CHINESE.match(before) and before not in OBJECT_MARKERS + "及由请让随" and not _starts_word(text, pos):
                continue  # 俄罗斯 is not 罗斯
            title, organization = here.get(name) or known[name]
            mentions.append((pos, pos, name, title, organization, pd.NA, False))
        rows += _rows(row, text, sorted(mentions, key=lambda m: m[1]))
    return pd.DataFrame(rows, columns=COLUMNS).astype({"position_in_list": "Int64"})


def _rows(row, text: str, mentions: list) -> list[dict]:
    """Rows for one article's mentions in text order.

    A mention's role is read up to the next acting mention in its clause; a name right after 对/向/与 …
    is someone's object and has none; a mention with no verb of its own shares the next one's (a list).
    """
    rows, following, next_start = [], "", len(text)
    for start, pos, name, title, organization, position, titled in reversed(mentions):
        end = pos + len(name)
        sentence_end = SENTENCE_END.search(text, end)
        stop = sentence_end.start() if sentence_end else len(text)
        nxt = min(next_start, stop)
        if start and text[start - 1] in OBJECT_MARKERS:
            role = ""
        else:
            role = _roles(text[end:nxt])
            if not role and nxt < stop and not re.sub(r"[、，,\s等]", "", text[end:nxt]):
                role = following
            following, next_start = role, start
        rows.append(
            {
                "article_id": row.article_id,
                "issue": row.issue,
                "date": row.date,
                "name": name,
                "title": title,
                "organization": organization,
                "position_in_list": position,
                "role_in_article": role,
                "titled": titled,
                "sentence": _sentence(text, pos),
            }
        )
    return rows[::-1]
