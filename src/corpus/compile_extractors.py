"""Compile the extractors with mypyc, or remove them: `make compiled`, `make pure`.

usage: python -m corpus.compile_extractors {build,remove} SRC

`build` compiles every module of `corpus.extract` (but `__init__` and `compiled`) beside its
source in SRC, the folder holding the `corpus` package of a clone, with mypyc (shipped with mypy,
the development extra's type checker; it needs a C compiler), and records the sources' digests
(`corpus.extract.compiled` passes over compiled modules that no longer match them). The tables
stay byte-identical and an entry costs about a quarter less CPU (`bench/bench_compiled.py`).
`remove` deletes them: the package is pure Python again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus.extract.compiled import DIGESTS, SUFFIXES, compiled_files, digests, sources


def build(src: Path) -> int:
    """Compile the package's modules in src (the folder holding `corpus`) with mypyc, beside
    their sources; the number of modules compiled. Raises RuntimeError if mypyc fails."""
    src = src.resolve()
    folder = src / "corpus" / "extract"
    modules = [str(p.relative_to(src)) for p in sources(folder)]
    remove(src)
    config = src.parent / "pyproject.toml"  # the type checker's settings, when in a clone
    options = ["--config-file", str(config)] if config.is_file() else []
    with tempfile.TemporaryDirectory(prefix="corpus-mypyc-") as cache:  # (none left in src)
        command = [sys.executable, "-m", "mypyc", *options, "--cache-dir", cache, *modules]
        done = subprocess.run(command, cwd=src, capture_output=True, text=True)  # (verbose)
    if done.returncode:
        said = (done.stdout + done.stderr).strip().splitlines()
        raise RuntimeError("mypyc failed:\n" + "\n".join(said[-20:]))
    for built in (src / "build").glob("lib.*/**/*"):  # (what build_ext did not copy in place)
        target = src / built.relative_to(next((src / "build").glob("lib.*")))
        if built.name.endswith(SUFFIXES) and not target.exists():
            shutil.copy2(built, target)
    shutil.rmtree(src / "build", ignore_errors=True)
    if len(compiled_files(folder)) != len(modules):
        raise RuntimeError(f"{folder}: {len(compiled_files(folder))} of {len(modules)} compiled")
    (folder / DIGESTS).write_text(digests(folder), encoding="utf-8")
    return len(modules)


def remove(src: Path) -> int:
    """Delete the compiled modules (and their digests) in src; how many files went."""
    folder = src / "corpus" / "extract"
    gone = compiled_files(folder) + [p for p in compiled_files(src) if "__mypyc" in p.name]
    gone += [folder / DIGESTS] if (folder / DIGESTS).exists() else []
    for p in gone:
        p.unlink()
    return len(gone)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("action", choices=("build", "remove"))
    p.add_argument("src", type=Path, help="the folder holding the corpus package (src)")
    args = p.parse_args(argv)
    if not (args.src / "corpus" / "extract").is_dir():
        p.error(f"{args.src}: no corpus/extract folder in it")
    if args.action == "remove":
        print(f"removed {remove(args.src)} compiled files")
        return 0
    try:
        n = build(args.src)
    except RuntimeError as e:
        print(f"error: {e}\nthe extractors stay Python", file=sys.stderr)
        remove(args.src)
        return 1
    print(f"compiled {n} modules of corpus.extract in {args.src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
