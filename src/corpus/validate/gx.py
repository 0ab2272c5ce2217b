"""Great Expectations, used only here: one suite per table generated from schema.py, run
on a part's frames, and each part's Data Docs pages."""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import importlib.util
import sys
import tempfile
import threading
import types
from datetime import datetime
from pathlib import Path

import jinja2
import pandas as pd

from corpus.schema import TABLES, Table
from corpus.validate.docs import is_unused_static, normalise_page
from corpus.validate.report import MAX_EXAMPLES, Check

# ---------------------------------------------------------------- GX suites


def expectations_for(table: Table) -> list:
    """The GX expectations of one table, derived from its declaration."""
    import great_expectations.expectations as gxe

    exps = [
        gxe.ExpectTableColumnsToMatchOrderedList(column_list=table.column_names),
        gxe.ExpectTableRowCountToBeBetween(min_value=table.min_rows),
    ]
    # A foreign key's pattern follows from the key it must match (checked in foreign_key_checks).
    references = {fk.column for fk in table.foreign_keys}
    for c in table.columns:
        if not c.nullable:
            exps.append(gxe.ExpectColumnValuesToNotBeNull(column=c.name))
        if c.pattern and c.name not in references:
            exps.append(gxe.ExpectColumnValuesToMatchRegex(column=c.name, regex=c.pattern))
        if c.values:
            exps.append(gxe.ExpectColumnValuesToBeInSet(column=c.name, value_set=list(c.values)))
        if c.minimum is not None or c.maximum is not None:
            exps.append(
                gxe.ExpectColumnValuesToBeBetween(
                    column=c.name, min_value=c.minimum, max_value=c.maximum
                )
            )
    if len(table.primary_key) == 1:
        exps.append(gxe.ExpectColumnValuesToBeUnique(column=table.primary_key[0]))
    return exps


class DeferredModule(types.ModuleType):
    """A stand-in for a module, in sys.modules, that imports the real one when one of its
    attributes is first read, and then reads them there. Python's importlib.util.LazyLoader does
    not serve: on Python 3.11 an `import` statement reading the module's `__spec__` loads it."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.__spec__ = importlib.machinery.ModuleSpec(name, None)
        self.__lock = threading.Lock()
        self.__real: types.ModuleType | None = None

    def __getattr__(self, attribute: str):
        if attribute.startswith(f"_{DeferredModule.__name__}__"):
            raise AttributeError(attribute)  # not set yet: being made
        with self.__lock:
            if self.__real is None:
                if sys.modules.get(self.__name__) is self:
                    del sys.modules[self.__name__]
                self.__real = importlib.import_module(self.__name__)
        return getattr(self.__real, attribute)


# Modules GX imports for expectations this package never uses (a KL divergence's test and
# chart): scipy.stats and altair are 40% of importing GX, on the path of every incremental build.
UNUSED_BY_OUR_EXPECTATIONS = ("scipy.stats", "altair")


def defer_import(name: str) -> None:
    """Have `import name` give a DeferredModule, unless the module is imported already or is
    not installed."""
    top = name.split(".")[0]
    if name not in sys.modules and importlib.util.find_spec(top) is not None:
        sys.modules[name] = DeferredModule(name)


def import_great_expectations():
    """The great_expectations module. GX imports jsonschema (through altair), which imports
    rfc3987-syntax when it is installed (Jupyter installs it, for the "iri" format) and that builds
    a grammar on import: a third of importing GX, on the path of every incremental build. GX checks
    no IRIs, so it is kept out, unless jsonschema was imported before. The modules only unused
    expectations read are imported when first read (DeferredModule)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # import fails
    for name in UNUSED_BY_OUR_EXPECTATIONS:
        defer_import(name)
    import great_expectations

    return great_expectations


class CompiledTemplates(jinja2.BytecodeCache):
    """The Data Docs templates as Jinja compiled them, kept for this process (in memory): GX makes
    a new Jinja environment for every part's Data Docs, which compiled every template again, half
    of rendering a part's pages. Jinja checks each template's source against its entry."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = CompiledTemplates()


def gx_context():
    gx = import_great_expectations()
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine
    from great_expectations.render.view import view

    if view.Environment is jinja2.Environment:  # every Data Docs view's, with TEMPLATES
        setattr(  # noqa: B010 (a class GX names, replaced by a maker of the same objects)
            view, "Environment", functools.partial(jinja2.Environment, bytecode_cache=TEMPLATES)
        )

    # GX fingerprints every batch by hashing the whole frame, for one line of the Data Docs; that
    # took
    # a fifth of a part's check. The sha256 of each part file (SHA256SUMS) fingerprints the data
    # already.
    pandas_execution_engine.HASH_THRESHOLD = 0

    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    for site in list(ctx.get_config().data_docs_sites or {}):
        ctx.delete_data_docs_site(site)
    return ctx


DOCS_SITE = "liveblog-corpus"


def docs_site_config(folder: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(folder.resolve()),
        },
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }


def plain(value):
    """numpy and pandas scalars as plain Python values, for readable messages."""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def gx_check(table: Table, result) -> Check:
    config = result.expectation_config
    column = config.kwargs.get("column")
    res = result.result or {}
    examples: list[str] = []
    key = table.primary_key[0]
    for item in (res.get("partial_unexpected_index_list") or [])[:MAX_EXAMPLES]:
        value = plain(item.get(column)) if column else None
        examples.append(f"{key}={plain(item.get(key))} value={value!r}")
    if not examples and res.get("partial_unexpected_list"):
        examples = [repr(plain(v)) for v in res["partial_unexpected_list"][:MAX_EXAMPLES]]
    if not result.success and not examples:
        message = (result.exception_info or {}).get("exception_message")
        observed = res.get("observed_value")
        examples = [str(message) if message else f"observed {observed!r}"]
    name = config.type
    count = res.get("unexpected_count") or (0 if result.success else 1)
    return Check(table.name, column, name, bool(result.success), int(count), tuple(examples))


class GxSuites:
    """One GX context: a suite and a validation definition per table, run on one part of the corpus
    at a
    time, quickly, and again in detail (naming offending ids) when it fails; with_docs, each part's
    Data Docs site.

    The definitions are run directly, not through checkpoints: a checkpoint adds nothing here (no
    actions) but a check, on every run, that it matches its stored copy, which serialises every
    expectation of the suite (about a tenth of a part's GX run)."""

    def __init__(self, with_docs: bool = False) -> None:
        gx = import_great_expectations()
        self.ctx = gx_context()
        self.with_docs = with_docs
        # Data Docs need observed values (BASIC); pass/fail alone is quicker.
        self.quick_format = {"result_format": "BASIC" if with_docs else "BOOLEAN_ONLY"}
        source = self.ctx.data_sources.add_pandas("corpus")
        self.definitions, self.detailed_formats = {}, {}
        for name, table in TABLES.items():
            batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
            suite = self.ctx.suites.add(
                gx.ExpectationSuite(name=name, expectations=expectations_for(table))
            )
            self.definitions[name] = self.ctx.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite)
            )
            self.detailed_formats[name] = {
                "result_format": "SUMMARY",
                "unexpected_index_column_names": list(table.primary_key),
            }

    def run(
        self, frames: dict[str, pd.DataFrame], run_name: str, run_date: datetime
    ) -> tuple[list[Check], list]:
        """Every table's suite, quickly; a failing table again in detail, so that the report names
        ids. Also, when kept for the Data Docs, the keys of GX's own results in the context's
        store."""
        from great_expectations.core.run_identifier import RunIdentifier

        run_id = RunIdentifier(run_name=run_name, run_time=run_date)
        checks: list[Check] = []
        results: list = []
        for name, frame in frames.items():
            result = self.run_one(name, frame, self.quick_format, run_id)
            found = self.checks_of(name, result)
            if not all(c.success for c in found):
                result = self.run_one(name, frame, self.detailed_formats[name], run_id)
                found = self.checks_of(name, result)
            checks += found
            results.append(self.result_key(name, result, run_id))
        if not self.with_docs:
            self.forget(results)
            results = []
        return checks, results

    def run_one(self, name: str, frame: pd.DataFrame, result_format: dict, run_id):
        """One table's validation result; GX also keeps it in the context's validation results
        store."""
        return self.definitions[name].run(
            batch_parameters={"dataframe": frame}, result_format=result_format, run_id=run_id
        )

    @staticmethod
    def result_key(name: str, result, run_id):
        """The key of a table's result in the validation results store (as ValidationDefinition.run
        stores it)."""
        from great_expectations.data_context.types.resource_identifiers import (
            ExpectationSuiteIdentifier,
            ValidationResultIdentifier,
        )

        return ValidationResultIdentifier(
            expectation_suite_identifier=ExpectationSuiteIdentifier(name=name),
            run_id=run_id,
            batch_identifier=result.batch_id,
        )

    @staticmethod
    def checks_of(name: str, result) -> list[Check]:
        return [gx_check(TABLES[name], r) for r in result.results]

    def forget(self, results: list) -> None:
        """Remove results from the context's store, where the next part's Data Docs would show
        them."""
        for key in results:
            self.ctx.validation_results_store.remove_key(key)

    def render_docs(self, results: list) -> dict[str, str]:
        """One part's Data Docs site (relative path -> HTML or CSS), from its runs' GX results
        (their keys in the context's store, which holds no others)."""
        with tempfile.TemporaryDirectory(prefix="corpus-docs-") as tmp:
            site = Path(tmp)
            self.ctx.add_data_docs_site(DOCS_SITE, docs_site_config(site))
            try:
                self.ctx.build_data_docs()
            finally:
                self.ctx.delete_data_docs_site(DOCS_SITE)
            pages = {
                p.relative_to(site).as_posix(): normalise_page(p.read_text(encoding="utf-8"))
                for p in sorted(site.rglob("*"))
                if p.is_file() and not is_unused_static(p, site)
            }
        self.forget(results)
        return pages
