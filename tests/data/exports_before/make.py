import os, subprocess, sys, tempfile
from pathlib import Path
from krmscan import questionnaire
sys.path.insert(0, "/work/wt-13")
from tests.respondents import write_all
out = Path("/work/wt-13/tests/data/exports_before")
with tempfile.TemporaryDirectory() as tmp:
    write_all(questionnaire.load(), Path(tmp) / "answers")
    bad = Path(tmp) / "answers" / "bad.json"; bad.write_text("[]")
    for fmt, name in [("json", "results.json"), ("xlsx", "results.xlsx")]:
        done = subprocess.run([sys.executable.replace("python", "krmscan"), "score", "answers", "--format", fmt, "-o", str(out / name), "--include-small-groups"], cwd=tmp, capture_output=True, text=True)
        print(fmt, done.returncode, done.stderr[-300:])
