"""Raise tests/data/eval_floor.json to the scores reached now on ../shared/corpus.

The scores of issue #13's bar are floored: claim recall, precision, listing, verdict agreement
and false alarms (the other field scores are taken over the matched claims, so they move when
recall does). Scores are rounded down to two decimals (false alarms, a maximum, rounded up), and
a floor never goes down: the file only ever ratchets. Run on purpose after an accuracy change:
python tools/update_eval_floor.py [CORPUS]
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

from impact.config import Settings
from impact.evaluation import evaluate_corpus

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT / "tests" / "data" / "eval_floor.json"
FLOORED = ("recall", "precision", "listing", "verdict_agreement", "false_alarms")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    os.environ.setdefault("IMPACT_OFFLINE", "1")
    report = evaluate_corpus(corpus, settings=Settings.from_env(offline=True)).to_dict()
    old = json.loads(FLOOR.read_text()) if FLOOR.exists() else {}
    new: dict[str, dict[str, float]] = {}
    for scope, scores in report["scores"].items():
        new[scope] = {}
        for name, ratio in _ratios(scores).items():
            if ratio is None or name not in FLOORED:
                continue
            before = old.get(scope, {}).get(name)
            if name == "false_alarms":
                value = math.ceil(ratio * 100) / 100
                new[scope][name] = value if before is None else min(before, value)
            else:
                value = math.floor(ratio * 100) / 100
                new[scope][name] = value if before is None else max(before, value)
    FLOOR.write_text(json.dumps(new, indent=2) + "\n")
    print(json.dumps(new["all"], indent=1))


def _ratios(scores: dict) -> dict[str, float | None]:
    return {k: v for k, v in scores.items() if v is None or isinstance(v, float | int)}


if __name__ == "__main__":
    main()
