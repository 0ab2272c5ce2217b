"""Score the package's entities and figures against a blind set (default bench/blind).

usage: .venv/bin/python bench/score_blind.py [-v] [--python PY] [--set DIR]

Builds DIR/raw with `PY -m corpus build` (default: this Python) into a
temporary folder and compares each built entry with its hand annotation in
DIR/gold (format: ../shared/gold/CONVENTIONS.md, described in DIR/README.md).
DIR is bench/blind unless --set names another set laid out the same way.
bench/blind3 is the current held-out set (from session 11 on).
bench/blind2 is no longer held out (blind3 replaced it), nor is bench/blind.
Prints per blog and overall: entities P/R/F1 (and per type), figures P/R/F1,
category and claimant agreement; -v lists the misses and false positives.
The matching rule is copied from the project's reference scorers,
../shared/gold/score.py (norm, norm_type, figure_matches, prf) and
../shared/gold/extract_score.py (score_page), so that this script needs
nothing outside the repository.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

BLIND = Path(__file__).resolve().parent / "blind"
TYPES = ("PERSON", "ORG", "PLACE")
PLACE_TYPES = {"PLACE", "GPE", "LOC", "LOCATION"}


# --- matching, copied from ../shared/gold/score.py ----------------------------------------------
def norm(text):
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s$", "", text)
    return re.sub(r"\s+", " ", text)


def norm_type(t):
    t = (t or "").upper()
    return "PLACE" if t in PLACE_TYPES else t


def prf(tp_pred, n_pred, tp_gold, n_gold):
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def number_tokens(text):
    return set(re.findall(r"\d[\d,\.]*|[a-z]+", norm(text)))


def figure_matches(pred, gold):
    if gold.get("vague"):
        value_ok = bool(pred.get("is_approximate"))
    else:
        value_ok = pred.get("value") is not None and abs(
            pred["value"] - gold["value"]
        ) <= 1e-6 * max(1, abs(gold["value"]))
    return value_ok and bool(number_tokens(pred.get("text", "")) & number_tokens(gold["text"]))


# --- one update, after score_page() of ../shared/gold/extract_score.py -------------------------
def score_update(u, ents, figs, t):
    """Add one annotated update's counts to t (a Counter plus lists of misses)."""
    gold = [
        ({norm(x) for x in g["text"]}, g["type"], g.get("optional", False)) for g in u["entities"]
    ]
    preds = {(norm(m["text"]), norm_type(m["type"])) for m in ents if norm_type(m["type"]) in TYPES}
    for text, ty in sorted(preds):  # (a set: its order changes from process to process)
        ok = any(text in forms and ty == gt for forms, gt, _ in gold)
        t["e_np"] += 1
        t["e_tp_p"] += ok
        t[f"{ty}_np"] += 1
        t[f"{ty}_tp_p"] += ok
        if not ok:
            t["e_fp"].append(f"{text}/{ty}")
    for forms, gt, opt in gold:
        hit = any(text in forms and ty == gt for text, ty in preds)
        if not opt:
            t["e_ng"] += 1
            t["e_tp_g"] += hit
            t[f"{gt}_ng"] += 1
            t[f"{gt}_tp_g"] += hit
            if not hit:
                t["e_fn"].append(f"{sorted(forms)[0]}/{gt}")
    free = [dict(x, vague=x.get("vague", False)) for x in u["figures"]]
    for p in figs:
        t["f_np"] += 1
        hit = next((x for x in free if figure_matches(p, x)), None)
        if hit is None:
            t["f_fp"].append(p.get("text"))
            continue
        t["f_tp_p"] += 1
        free.remove(hit)
        t["f_tp_g"] += not hit.get("optional", False)
        if hit.get("optional", False):
            continue
        t["cat_n"] += 1
        t["cat_ok"] += p.get("category") == hit.get("category")
        if p.get("category") != hit.get("category"):
            t["cat_bad"].append(f"{hit['text']}: {p.get('category')} for {hit['category']}")
        if hit.get("claimant"):
            g, c = norm(hit["claimant"]), norm(p.get("claimant"))
            ok = bool(c) and (g in c or c in g)
            t["cl_n"] += 1
            t["cl_ok"] += ok
            if not ok:
                t["cl_bad"].append(f"{hit['text']}: {p.get('claimant')!r} for {hit['claimant']!r}")
    t["f_ng"] += sum(not x.get("optional", False) for x in u["figures"])
    t["f_fn"] += [x["text"] for x in free if not x.get("optional", False)]


def new_tot():
    t = Counter()
    for k in ("e_fp", "e_fn", "f_fp", "f_fn", "cat_bad", "cl_bad"):
        t[k] = []
    return t


def summary(t):
    ep, er, ef = prf(t["e_tp_p"], t["e_np"], t["e_tp_g"], t["e_ng"])
    fp, fr, ff = prf(t["f_tp_p"], t["f_np"], t["f_tp_g"], t["f_ng"])
    return (
        f"entities P={ep:.3f} R={er:.3f} F1={ef:.3f} (gold {t['e_ng']}, pred {t['e_np']}); "
        f"figures P={fp:.3f} R={fr:.3f} F1={ff:.3f} (gold {t['f_ng']}, pred {t['f_np']}); "
        f"category {t['cat_ok']}/{t['cat_n']}; claimant {t['cl_ok']}/{t['cl_n']}"
    )


def words(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip()


def rows_by_entry(out, table):
    d = {}
    for r in pq.read_table(out / f"{table}.parquet").to_pylist():
        d.setdefault(r["entry_id"], []).append(r)
    return d


def parse_args(argv):
    ap = argparse.ArgumentParser(description="Score the extractors against a blind set.")
    ap.add_argument("-v", action="store_true", help="list misses and false positives")
    ap.add_argument("--python", default=sys.executable, help="Python that runs the build")
    ap.add_argument(
        "--set",
        type=Path,
        default=BLIND,
        dest="set_dir",
        help="blind set folder with raw/ and gold/ (default: bench/blind; held out: bench/blind3)",
    )
    args = ap.parse_args(argv)
    if not (args.set_dir / "raw").is_dir() or not list((args.set_dir / "gold").glob("*.json")):
        ap.error(f"{args.set_dir}: not a blind set (needs raw/ and gold/*.json)")
    return args


def main(argv):
    args = parse_args(argv)
    golds = [
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((args.set_dir / "gold").glob("*.json"))
    ]
    tmp = Path(tempfile.mkdtemp(prefix="blind-"))
    try:
        shutil.copytree(args.set_dir / "raw", tmp / "raw")
        r = subprocess.run(
            [
                args.python,
                "-m",
                "corpus",
                "build",
                "--raw",
                str(tmp / "raw"),
                "--out",
                str(tmp / "out"),
                "--no-cache",
                "--keep-going",
            ],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if r.returncode != 0 or not (tmp / "out" / "entries.parquet").exists():
            tail = (r.stdout + r.stderr).strip().splitlines()[-5:]
            sys.exit("build failed:\n" + "\n".join(tail))
        blogs = pq.read_table(tmp / "out" / "blogs.parquet").to_pylist()
        entries = pq.read_table(tmp / "out" / "entries.parquet").to_pylist()
        ents, figs = rows_by_entry(tmp / "out", "entities"), rows_by_entry(tmp / "out", "figures")
    finally:
        shutil.rmtree(tmp)
    total = new_tot()
    for g in golds:
        blog = next(b for b in blogs if b["raw_path"] == g["page"])
        mine = sorted(
            (e for e in entries if e["blog_id"] == blog["blog_id"]), key=lambda e: e["position"]
        )
        t = new_tot()
        found = 0
        for u in g["updates"]:
            e = next(
                (
                    e
                    for e in mine
                    if words((e["headline"] or "") + " " + e["body"]).startswith(words(u["starts"]))
                ),
                None,
            )
            found += e is not None
            eid = e and e["entry_id"]
            score_update(u, ents.get(eid, []), figs.get(eid, []), t)
        print(f"  {g['page']}: {found}/{len(g['updates'])} updates found; {summary(t)}")
        for k, v in t.items():
            total[k] += v
    print(f"ALL ({sum(len(g['updates']) for g in golds)} updates): {summary(total)}")
    for ty in TYPES:
        p, r, f = prf(
            total[f"{ty}_tp_p"], total[f"{ty}_np"], total[f"{ty}_tp_g"], total[f"{ty}_ng"]
        )
        print(
            f"  {ty:<6} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {total[f'{ty}_ng']}, "
            f"pred {total[f'{ty}_np']})"
        )
    if args.v:
        for k, name in (
            ("e_fp", "entity FP"),
            ("e_fn", "entity FN"),
            ("f_fp", "figure FP"),
            ("f_fn", "figure FN"),
            ("cat_bad", "category"),
            ("cl_bad", "claimant"),
        ):
            print(f"   {name}: {total[k]}")


if __name__ == "__main__":
    main(sys.argv[1:])
