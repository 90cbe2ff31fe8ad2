"""Pages for tests: the sample page, and dated variants of it that are different pages (not duplicates)."""

from analysis.paths import RAW

SAMPLE = RAW / "000_643968e12915283d.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")


def sample_variant(n: int) -> str:
    """The sample page plus one short item of its own, so that copy n is a page of its own (n > 0)."""
    if n == 0:
        return SAMPLE_TEXT
    item = f"清江浦区召开第{n}次安全生产例会\n\n■通讯员 蒲蔚\n\n本报讯 日前，清江浦区召开第{n}次安全生产例会，部署近期安全生产工作。"
    return SAMPLE_TEXT + "\n\n" + item


def write_variant(path, n: int):
    """Write sample_variant(n) to path (UTF-8) and return the path."""
    path.write_text(sample_variant(n), encoding="utf-8")
    return path
