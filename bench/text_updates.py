"""Recipe for the blind sets' plain-text blogs (the seed's TRT World text layout).

updates(path) -> list of {"time_label", "headline", "body"} in document order.
An update opens with a line 'HHMM GMT' followed by '— headline' or by the first
paragraph; its body is every following non-blank line up to the next stamp or the
footer 'For our live updates from ..., click here.', paragraphs joined by a blank
line. Standard library only; deterministic.
"""

import re

STAMP = re.compile(r"^(?P<label>\d{3,4} GMT)\b\s*(?P<rest>.*)$")
DASH = re.compile(r"^[—–-]\s*")
FOOTER = re.compile(r"^For our live updates from .+ click here\.?$", re.IGNORECASE)


def updates(path):
    """The stamped updates of one text blog."""
    out = []
    with open(path, encoding="utf-8") as fh:
        lines = [line.strip() for line in fh.read().split("\n")]
    for line in lines:
        if FOOTER.match(line):
            break
        m = STAMP.match(line)
        if m:
            rest = m["rest"]
            head = DASH.sub("", rest).strip() if DASH.match(rest) else None
            out.append({"time_label": m["label"], "headline": head, "body": [] if head else [rest]})
        elif line and out:
            out[-1]["body"].append(line)
    for u in out:
        u["body"] = "\n\n".join(u["body"])
    return out
