#!/usr/bin/env bash
# Set everything up (virtual environment, packages, Jupyter kernel, CJK font) and run:
#   bash run.sh          the main job: every notebook on data/raw, figures into figures/, reports into reports/
#   bash run.sh test     the tests
# Extra arguments go to the notebook runner (e.g. -p TOP_N 30) or to pytest.
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum requirements.txt pyproject.toml | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r requirements.txt   # includes the CJK font (mplfonts' Noto Sans CJK SC)
  .venv/bin/python -m pip install --quiet --no-deps -e .
  .venv/bin/python -m ipykernel install --user --name newspaper-analysis --display-name "Python (newspaper-analysis)" >/dev/null
  .venv/bin/python -c "import analysis; print('CJK font for figures:', analysis.configure_matplotlib())"  # one-time TrueType copy, ~1 min
  touch "$stamp"
fi
case "${1:-main}" in
  test) shift; exec .venv/bin/python -m pytest -q "$@" ;;
  main) [ $# -gt 0 ] && shift; exec .venv/bin/python scripts/run_notebooks.py "$@" ;;
  *) exec .venv/bin/python scripts/run_notebooks.py "$@" ;;
esac
