#!/usr/bin/env bash
# Set everything up (virtual environment, packages, Jupyter kernel, CJK font) and run:
#   bash run.sh          the main job: every notebook on data/raw, figures into figures/, reports into reports/
#   bash run.sh test     the fast tests (everything not marked slow; a few minutes)
#   bash run.sh test-all every test: notebooks headless and in a real browser, large corpora (what CI runs)
#   bash run.sh lab      JupyterLab on the project: notebooks/ open, the project's kernel and settings
# Extra arguments go to the notebook runner (e.g. -p TOP_N 30) or to pytest.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
here="$PWD"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum requirements.txt pyproject.toml | sha1sum | cut -c1-12)
# A .venv copied from another project folder runs that folder's code (editable install, kernel): reinstall here.
installed=$(cd / && "$here/.venv/bin/python" -c 'import os, analysis; print(os.path.realpath(analysis.__file__))' 2>/dev/null || true)
if [ -f "$stamp" ] && [ "$installed" != "$(realpath "$here/analysis/__init__.py")" ]; then
  echo "the installed analysis package is another folder's: installing this one" >&2
  rm -f "$stamp"
fi
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.txt   # includes the CJK font (mplfonts' Noto Sans CJK SC)
  .venv/bin/python -m pip install --quiet --no-deps -e .
  # The kernel lives in this .venv (not the user's folder), so two copies of the project never share one.
  .venv/bin/python -m ipykernel install --sys-prefix --name newspaper-analysis --display-name "Python (newspaper-analysis)" >/dev/null
  .venv/bin/python -c "import analysis; print('CJK font for figures:', analysis.configure_matplotlib())"  # one-time TrueType copy, ~1 min
  touch "$stamp"
fi
# JupyterLab's tables need a CJK font in the browser; the browser test drives Debian's chromium.
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } ||
      echo "could not install chromium fonts-noto-cjk (Chinese in JupyterLab, the browser test)" >&2
  else
    echo "For Chinese in JupyterLab and the browser test: install a CJK font and chromium" \
      "(Debian/Ubuntu: sudo apt-get install fonts-noto-cjk chromium)" >&2
  fi
fi
case "${1:-main}" in
  test) shift; exec .venv/bin/python -m pytest -q -m "not slow" "$@" ;;
  test-all) shift; exec .venv/bin/python -m pytest -q "$@" ;;
  lab)
    shift
    # JUPYTER_PATH first: this project's kernel wins over any of the same name in the user's folder.
    export PYTHONPATH="$PWD" JUPYTER_PATH="$PWD/.venv/share/jupyter" JUPYTERLAB_SETTINGS_DIR="$PWD/.jupyter/lab/user-settings"
    as_root=()
    [ "$(id -u)" = 0 ] && as_root=(--allow-root)
    exec .venv/bin/python -m jupyter lab --ServerApp.root_dir="$PWD" --ServerApp.default_url=/lab/tree/notebooks "${as_root[@]}" "$@" ;;
  main) [ $# -gt 0 ] && shift; exec .venv/bin/python scripts/run_notebooks.py "$@" ;;
  *) exec .venv/bin/python scripts/run_notebooks.py "$@" ;;
esac
