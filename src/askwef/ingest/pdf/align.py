"""Two lists of titles matched in order: the most pairs, neither list reordered (a longest common subsequence).

The outline and the Contents list a report's sections in the same order; a title may recur ("References" closes every
chapter, "Overview" opens three), so a match is taken only where the order allows it, not at the first title alike.

>>> aligned(3, 2, lambda j, k: "abc"[j] == "bc"[k])
{1: 0, 2: 1}
"""

from __future__ import annotations

from collections.abc import Callable


def aligned(n: int, m: int, same: Callable[[int, int], bool]) -> dict[int, int]:
    """The most pairs (j, k), j < n and k < m, with `same(j, k)`, both increasing: {j: k}."""
    best = [[0] * (m + 1) for _ in range(n + 1)]  # best[j][k]: matches in first[j:], second[k:]
    hit = [[False] * m for _ in range(n)]
    for j in range(n - 1, -1, -1):
        for k in range(m - 1, -1, -1):
            hit[j][k] = same(j, k)
            best[j][k] = max(best[j + 1][k], best[j][k + 1], best[j + 1][k + 1] + 1 if hit[j][k] else 0)
    out: dict[int, int] = {}
    j = k = 0
    while j < n and k < m:
        if hit[j][k] and best[j][k] == best[j + 1][k + 1] + 1:
            out[j] = k
            j, k = j + 1, k + 1
        elif best[j + 1][k] >= best[j][k + 1]:
            j += 1
        else:
            k += 1
    return out
