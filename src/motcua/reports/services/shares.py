"""Percentages the way official reports state them: two decimals, parts of one whole adding up to exactly
100,00 % (largest remainder), and the sentence of a report's summary (“… đạt 99,85%; quá hạn … chiếm 0,15%”)."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def split(parts: list[int], decimals: int = 2) -> list[float] | None:
    """Each part's percentage of their sum, rounded so that they add up to exactly 100 (None if the sum is 0)."""
    total = sum(parts)
    if total <= 0:
        return None
    scale = 100 * 10**decimals
    exact = [p * scale / total for p in parts]
    floors = [int(x) for x in exact]
    missing = scale - sum(floors)
    for i in sorted(range(len(parts)), key=lambda i: (-(exact[i] - floors[i]), i))[:missing]:
        floors[i] += 1
    return [f / 10**decimals for f in floors]


def share(part: int, whole: int, decimals: int = 2) -> float | None:
    if whole <= 0:
        return None
    return split([part, whole - part], decimals)[0]


def percent(value: float | None, decimals: int = 2) -> str:
    """“99,85%” (“99.85%” in English); “—” when there is nothing to divide."""
    if value is None:
        return "—"
    return number_format(value, decimals) + "%"


def count(n: int) -> str:
    return number_format(n, 0, force_grouping=True)


def summary(figures) -> list[str]:
    """The summary sentences of a report, from a :class:`~motcua.reports.services.measures.Figures`."""
    online, offline = figures.received_online, figures.received_direct + figures.received_postal
    sentences = [
        ngettext(
            "Trong kỳ, tiếp nhận mới %(received)s hồ sơ (trực tuyến %(online)s, chiếm %(online_share)s; trực tiếp "
            "và qua dịch vụ bưu chính công ích %(offline)s); từ kỳ trước chuyển sang %(carried)s hồ sơ.",
            "Trong kỳ, tiếp nhận mới %(received)s hồ sơ (trực tuyến %(online)s, chiếm %(online_share)s; trực tiếp "
            "và qua dịch vụ bưu chính công ích %(offline)s); từ kỳ trước chuyển sang %(carried)s hồ sơ.",
            figures.received,
        )
        % {
            "received": count(figures.received),
            "online": count(online),
            "online_share": percent(share(online, online + offline)),
            "offline": count(offline),
            "carried": count(figures.carried_over),
        }
    ]
    in_time, late = split([figures.in_time, figures.late]) or [None, None]
    sentences.append(
        ngettext(
            "Đã giải quyết %(resolved)s hồ sơ, trong đó trước hạn và đúng hạn %(in_time)s hồ sơ, đạt %(in_time_share)s; "
            "quá hạn %(late)s hồ sơ, chiếm %(late_share)s.",
            "Đã giải quyết %(resolved)s hồ sơ, trong đó trước hạn và đúng hạn %(in_time)s hồ sơ, đạt %(in_time_share)s; "
            "quá hạn %(late)s hồ sơ, chiếm %(late_share)s.",
            figures.resolved,
        )
        % {
            "resolved": count(figures.resolved),
            "in_time": count(figures.in_time),
            "in_time_share": percent(in_time),
            "late": count(figures.late),
            "late_share": percent(late),
        }
    )
    sentences.append(
        ngettext(
            "Đang giải quyết %(pending)s hồ sơ, trong đó trong hạn %(within)s hồ sơ (kể cả %(paused)s hồ sơ đang tạm "
            "dừng chờ bổ sung hoặc thực hiện nghĩa vụ tài chính), quá hạn %(overdue)s hồ sơ.",
            "Đang giải quyết %(pending)s hồ sơ, trong đó trong hạn %(within)s hồ sơ (kể cả %(paused)s hồ sơ đang tạm "
            "dừng chờ bổ sung hoặc thực hiện nghĩa vụ tài chính), quá hạn %(overdue)s hồ sơ.",
            figures.open_end,
        )
        % {
            "pending": count(figures.open_end),
            "within": count(figures.in_time_end),
            "paused": count(figures.paused_end),
            "overdue": count(figures.overdue_end),
        }
    )
    if figures.withdrawn or figures.stopped or figures.refused:
        sentences.append(
            _(
                "Ngoài ra: %(refused)s hồ sơ bị từ chối tiếp nhận; %(withdrawn)s hồ sơ công dân xin rút và %(stopped)s "
                "hồ sơ dừng xử lý (tính vào số đã giải quyết, cột đúng hạn của Biểu 06)."
            )
            % {
                "refused": count(figures.refused),
                "withdrawn": count(figures.withdrawn),
                "stopped": count(figures.stopped),
            }
        )
    return sentences
