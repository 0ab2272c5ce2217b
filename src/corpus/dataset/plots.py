"""Figures a researcher draws from built tables: entries per outlet and day (coverage)."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from corpus.dataset import data_dir
from corpus.dataset.releases import ReleaseFiles
from corpus.schema import COVERAGE


def plot(source: str | Path | None = None):
    """A matplotlib figure of entries per day, one panel per outlet on a shared time axis (days
    without entries at zero, days with entries marked), from a data folder, release folder or zip
    (default: corpus.data_dir())."""
    frame = (
        ReleaseFiles(Path(source) if source is not None else data_dir())
        .table(COVERAGE.name)
        .to_pandas()
    )
    outlets = sorted(frame["outlet"].unique())
    fig, axes = plt.subplots(
        max(1, len(outlets)),
        1,
        sharex=True,
        squeeze=False,
        figsize=(9, 1.2 + 1.6 * max(1, len(outlets))),
        layout="constrained",
    )
    if outlets:
        days = pd.date_range(frame["day"].min(), frame["day"].max(), freq="D")
        counts = (
            frame.pivot_table(index="day", columns="outlet", values="n_entries", aggfunc="sum")
            .reindex(days.date)
            .fillna(0)
        )
        for ax, outlet in zip(axes[:, 0], outlets):
            values = counts[outlet]
            ax.plot(
                days,
                values,
                linewidth=0.8,
                marker=".",
                markevery=[i for i, v in enumerate(values) if v > 0],
            )
            ax.set_title(outlet, fontsize="medium", loc="left")
            ax.set_ylabel("entries")
            ax.set_ylim(bottom=0)
    axes[-1, 0].set_xlabel("day (UTC)")
    fig.suptitle("Entries per outlet per day")
    fig.autofmt_xdate()
    return fig
