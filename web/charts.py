"""Charts as inline SVG drawn on the server: no script, no library download, readable on a phone."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

PALETTE = ("#c0392b", "#2471a3", "#229954", "#d68910", "#7d3c98", "#17a589", "#839192", "#a04000")


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    # Every name and figure in `body` went through escape() where it was made.
    return Markup(  # noqa: S704
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(body)}</svg>'
    )


def hbars(rows: list[tuple[str, float, float | None]], label: str, unit: str = "") -> Markup:
    """Horizontal bars: (name, value, out of) — "out of" drawn as a pale track (seats vs capacity)."""
    if not rows:
        return Markup("")
    width, bar, gap, left = 640, 18, 10, 230
    top = max((max(v, cap or 0) for _, v, cap in rows), default=1) or 1
    body = []
    for i, (name, value, cap) in enumerate(rows):
        y = i * (bar + gap) + 4
        scale = (width - left - 70) / top
        body.append(
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" class="lbl">{escape(name[:32])}</text>'
        )
        if cap:
            body.append(f'<rect x="{left}" y="{y}" width="{cap * scale:.1f}" height="{bar}" class="track"/>')
        body.append(
            f'<rect x="{left}" y="{y}" width="{max(value * scale, 1):.1f}" height="{bar}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        figure = f"{value:g}/{cap:g}" if cap else f"{value:g}{unit}"
        end = left + max(value, cap or 0) * scale + 6
        body.append(f'<text x="{end:.1f}" y="{y + 13}" class="num">{escape(figure)}</text>')
    return _svg(width, len(rows) * (bar + gap) + 8, body, label)


def stacked_columns(
    columns: list[tuple[str, list[float]]], series: list[str], label: str, colours: tuple[str, ...] = PALETTE
) -> Markup:
    """Vertical columns, each a stack of the series' values (sign-ups per day by event; questions per
    week answered and declined), with a legend."""
    if not columns or not series:
        return Markup("")
    width, height, bottom, left = 640, 220, 40, 30
    top = max((sum(v) for _, v in columns), default=1) or 1
    step = (width - left - 10) / len(columns)
    body = [f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" class="axis"/>']
    body.append(f'<text x="{left - 4}" y="14" text-anchor="end" class="num">{top:g}</text>')
    for i, (name, values) in enumerate(columns):
        x = left + i * step + step * 0.15
        y: float = height - bottom
        for j, value in enumerate(values):
            h = value / top * (height - bottom - 20)
            if h:
                body.append(
                    f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
                    f'fill="{colours[j % len(colours)]}"><title>{escape(series[j])}: {value:g}</title></rect>'
                )
            y -= h
        if len(columns) <= 14 or i % max(1, len(columns) // 10) == 0:
            body.append(
                f'<text x="{x + step * 0.35:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
                f'class="lbl">{escape(name)}</text>'
            )
    legend_y = height - 10
    x = left
    for j, name in enumerate(series):
        body.append(
            f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{colours[j % len(colours)]}"/>'
        )
        body.append(f'<text x="{x + 14}" y="{legend_y}" class="lbl">{escape(name[:24])}</text>')
        x += 14 + 7 * min(len(name), 24) + 16
    return _svg(width, height, body, label)


def days(since: dt.date, until: dt.date) -> list[dt.date]:
    return [since + dt.timedelta(days=n) for n in range((until - since).days + 1)]
