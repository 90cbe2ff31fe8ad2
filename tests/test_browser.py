"""JupyterLab as a new user meets it: each notebook opens on the project's kernel with no dialog, *Run All*
through the menu runs it without an error, figures show as images, tables render with Chinese glyphs, and
each explorer redraws when a value is chosen. Headless Chromium (Debian's /usr/bin/chromium) via Playwright;
screenshots go to reports/screenshots/.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

from analysis.atomic import write_bytes
from analysis.paths import RAW, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXPLORERS = ("02", "03", "05")  # notebooks that end with an explorer widget
SCREENSHOTS = ROOT / "reports" / "screenshots"
KERNEL = "newspaper-analysis"
RUN_TIMEOUT = 900  # seconds for Run All on one notebook (a loaded 2-core machine needs several minutes for 02)
# Fewer models to compare than a researcher would: the browser test checks the workbench, not the K choice.
PARAMETERS = {
    "03-topics.ipynb": {"K_RANGE": [2, 3, 4], "GOV_K_RANGE": [6, 8]},
    "05-latest-issue-brief.ipynb": {"K_RANGE": [2, 3, 4]},
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (bash run.sh installs it as root)"),
]


def project_copy(tmp: Path) -> Path:
    """The project's code, notebooks, lexicon and settings in tmp, with three dated issues made from the sample."""
    project = tmp / "project"
    for folder in ("analysis", "notebooks", "data/lexicon", "data/reference", ".jupyter"):
        shutil.copytree(ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__", "*.py[co]"))
    for notebook, values in PARAMETERS.items():  # as papermill would inject them: a cell after the parameters cell
        path = project / "notebooks" / notebook
        nbformat.write(parameterize_notebook(load_notebook_node(str(path)), values), path)
    raw = project / "data" / "raw"
    raw.mkdir(parents=True)
    text = (RAW / "000_643968e12915283d.txt").read_text(encoding="utf-8")
    new = "清江浦区部署“三夏”生产工作\n\n■通讯员 蒲蔚\n\n本报讯 清江浦区要求全力打好“三夏”攻坚战，推动新质生产力发展。"
    (raw / "qjp_2024-04-08.txt").write_text(text, encoding="utf-8")
    (raw / "qjp_2024-04-15.txt").write_text(text + "\n\n" + new, encoding="utf-8")
    (raw / "qjp_2024-04-22.txt").write_text(text.split("清江浦区领导赴北京广东考察招商")[0], encoding="utf-8")
    return project


def kernel_spec(jupyter_path: Path, project: Path) -> None:
    """The project's kernel, importing the project copy's code."""
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (newspaper-analysis)",
        "language": "python",
        "env": {"PYTHONPATH": str(project)},
    }
    folder = jupyter_path / "kernels" / KERNEL
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a free loopback port with a token, on a copy of the project; stopped by its PID."""
    tmp = tmp_path_factory.mktemp("lab")
    project = project_copy(tmp)
    kernel_spec(tmp / "jupyter", project)
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "PYTHONPATH": str(project),
        "JUPYTER_PATH": str(tmp / "jupyter"),
        "JUPYTER_CONFIG_DIR": str(tmp / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(project / ".jupyter" / "lab" / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
    }
    env.pop("NEWSPAPER_FIGURES", None), env.pop("NEWSPAPER_REPORTS", None)  # the copy's own figures/, reports/
    command = [
        *(sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1"),
        *(
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={project}",
            "--LabApp.expose_app_in_browser=True",
        ),
        *(["--allow-root"] if os.geteuid() == 0 else []),
    ]
    log = (tmp / "server.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not start: {(tmp / 'server.log').read_text('utf-8')}") from None
                time.sleep(0.5)
        yield base, token, project
    finally:
        server.send_signal(signal.SIGINT)  # JupyterLab shuts its kernels down, then exits
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # its own process group: start_new_session above
            server.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


# JavaScript run in the page, on the notebook JupyterLab shows (window.jupyterapp: expose_app_in_browser).
STATE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.sessionContext || !panel.content) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = panel.content.widgets.filter(c => c.model.type === 'code').map(c => ({
    source: c.model.sharedModel.getSource(),
    count: c.model.executionCount,
    outputs: c.model.outputs.toJSON(),
    images: [...c.node.querySelectorAll('.jp-OutputArea-output img')].filter(i => i.complete && i.naturalWidth > 0).length,
    tables: c.node.querySelectorAll('.jp-OutputArea-output table').length,
  }));
  return {kernel: kernel ? kernel.name : null, status: kernel ? kernel.status : null, cells,
          dialogs: document.querySelectorAll('.jp-Dialog').length,
          toasts: [...document.querySelectorAll('.Toastify__toast')].map(t => t.innerText)};
}"""

# Whether an element's font draws real glyphs: two different characters drawn alike are both a missing-glyph box.
HAS_GLYPHS = """(element) => {
  const style = getComputedStyle(element);
  const draw = (ch) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const ctx = canvas.getContext('2d');
    ctx.font = `48px ${style.fontFamily}`;
    ctx.fillText(ch, 4, 52);
    return ctx.getImageData(0, 0, 64, 64).data.join(',');
  };
  return draw('清') !== draw('江') && draw('江') !== draw('浦');
}"""


SHOW_FIRST_OUTPUT = """() => (document.querySelector('.jp-OutputArea-output img')
  || document.querySelector('.jp-OutputArea-output table')).scrollIntoView()"""


def state(page) -> dict:
    return page.evaluate(STATE) or {}


def errors(cells: list[dict]) -> list[str]:
    return [
        f"cell [{c['count']}] {o.get('ename')}: {o.get('evalue')}"
        for c in cells
        for o in c["outputs"]
        if o["output_type"] == "error"
    ]


def html_tables(cell: dict) -> bool:
    return any("<table" in str(o.get("data", {}).get("text/html", "")) for o in cell["outputs"])


def run_all(page) -> dict:
    """Run → Run All Cells from the menu bar; wait until every cell ran (or one failed) and the kernel is idle."""
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    deadline = time.monotonic() + RUN_TIMEOUT
    settled = 0
    while time.monotonic() < deadline:
        now = state(page)
        done = all(c["count"] for c in now["cells"]) or errors(now["cells"])
        settled = settled + 1 if done and now["status"] == "idle" else 0
        if settled >= 3:  # idle on three polls in a row: no cell still queued
            return now
        time.sleep(0.5)
    raise AssertionError(f"Run All did not finish within {RUN_TIMEOUT} s")


def exercise_explorer(page) -> None:
    """Choose the explorer's second value; its output must change."""
    explorer = page.locator(".jp-OutputArea-output .widget-dropdown select").last
    output = page.locator(".jp-OutputArea-output .widget-output").last
    explorer.scroll_into_view_if_needed()
    before = output.inner_text()
    assert explorer.locator("option").count() >= 2, "the explorer offers a single value"
    explorer.select_option(index=1)
    page.wait_for_function(
        "([el, text]) => el.innerText !== text", arg=[output.element_handle(), before], timeout=60_000
    )
    assert page.evaluate(HAS_GLYPHS, output.locator("td").first.element_handle())


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_runs_and_renders_in_jupyterlab(lab, browser, name):
    base, token, project = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{base}/lab/tree/notebooks/{name}?token={token}")
        page.wait_for_function(f"({STATE})()?.status === 'idle'", timeout=90_000)
        opened = state(page)
        assert opened["kernel"] == KERNEL and opened["dialogs"] == 0, "opened with a dialog or another kernel"
        assert not any("news" in t.lower() for t in opened["toasts"]), opened["toasts"]

        ran = run_all(page)
        assert not errors(ran["cells"]), errors(ran["cells"])
        assert ran["dialogs"] == 0
        figures = [c for c in ran["cells"] if c["source"].rstrip().endswith("\nfig")]
        assert all(c["images"] for c in figures), [c["count"] for c in figures if not c["images"]]
        tables = [c for c in ran["cells"] if html_tables(c)]
        assert tables and all(c["tables"] for c in tables), [c["count"] for c in tables if not c["tables"]]
        assert page.evaluate(HAS_GLYPHS, page.locator(".jp-OutputArea-output td").first.element_handle())
        assert page.evaluate(HAS_GLYPHS, page.locator(".jp-RenderedMarkdown h1").first.element_handle())

        if name[:2] in EXPLORERS:
            exercise_explorer(page)
        else:
            page.evaluate(SHOW_FIRST_OUTPUT)
        write_bytes(SCREENSHOTS / f"{name[:2]}.png", page.screenshot(type="png"))
    finally:
        page.evaluate("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.shutdown()")  # its kernel
        page.close()
