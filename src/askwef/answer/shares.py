"""What a question asks about, each thing weighed once, and the shares of it that sets of stems hold (`Query.share`).

A question asks about things (`Query.concepts`): an abbreviation and its long forms are one thing, held by any of its
forms. `Shares` weighs them once per question; `Heading` finds once per passage which of them the passage's heading
says, so that each candidate sentence is read three ways (with its heading, under it, alone) in one pass over them
(`features.candidate_matrix` reads every candidate of every question so). Each share is the same sum, added in the
same order, as reading the sentence three times over would make it.

>>> from .query import Query
>>> q = Query("smes informal", "", "", frozenset(), (), {}, concepts=((frozenset({"sme"}), frozenset({"small", "enterpris"})), (frozenset({"informal"}),)))
>>> Shares(q, len).under(frozenset({"informal"})).readings(frozenset({"sme"}))
(1.0, 1.0, 0.5)
"""

from __future__ import annotations


class Shares:
    """What a question asks about, each thing weighed once (`Query.share`), and the shares of it that sets of stems hold.

    `weight` weighs a set of stems as the sum of its stems' weights (`StoreFeatures.weight`). A candidate sentence is
    held against the question three ways (`Heading.readings`), in one pass over its things: candidate_matrix reads
    every candidate of every question so.
    """

    def __init__(self, query, weight) -> None:  # a query.Query (which imports this module: no import back)
        self.weight = weight
        concepts = query.concepts or tuple((frozenset({t}),) for t in sorted(query.stems))
        weighed = [(weight(forms[0]), tuple(self._form(f) for f in forms)) for forms in concepts]
        # a thing of one stem in one form (most are): held when that stem is
        self.singles = {next(iter(forms[0][0])): w for w, forms in weighed if len(forms) == 1 and len(forms[0][0]) == 1}
        self.groups = [(w, forms) for w, forms in weighed if not (len(forms) == 1 and len(forms[0][0]) == 1)]
        self.single_stems = frozenset(self.singles)
        self.unsaid = tuple((t, w, False) for t, w in self.singles.items())  # under a heading saying none of them
        # per thing of several stems or forms: all its stems, and whether each of its forms is weighed stem by stem
        self.group_stems = [(frozenset().union(*(f for f, _, _ in forms)), all(parts is not None for _, _, parts in forms))
                            for _, forms in self.groups]
        total = 0.0  # what nothing said leaves to hold: every thing, added in the order `held` adds them
        for w in self.singles.values():
            total += w
        for w, _ in self.groups:
            total += w
        self.total = total

    def _form(self, f: frozenset[str]) -> tuple[frozenset[str], float, tuple[tuple[str, float], ...] | None]:
        """(a form's stems, their weight, each stem with its weight when there are at most two: see `best`)."""
        weight = self.weight(f)
        if len(f) == 1:
            return f, weight or 1.0, ((next(iter(f)), weight),)
        return f, weight or 1.0, tuple((t, self.weight(frozenset({t}))) for t in f) if len(f) == 2 else None

    def held(self, held: frozenset[str], said: frozenset[str] = frozenset()) -> float | None:
        """The share of the things `held` holds, of those `said` does not hold in one of their forms (None: it holds all)."""
        total = got = 0.0
        for t, w in self.singles.items():
            if t not in said:
                total += w
                if t in held:
                    got += w
        for w, forms in self.groups:
            if said and any(f <= said for f, _, _ in forms):
                continue
            total += w
            got += w * self.best(forms, held)
        return got / total if total else None

    def under(self, context: frozenset[str]) -> "Heading":
        """The things as a heading's sentences are held against them (`Heading`)."""
        return Heading(self, context)

    def best(self, forms, held: frozenset[str], context: frozenset[str] | None = None) -> float:
        """How much of a thing `held` (with `context`, when given) holds: the best of its forms, each by the weight of
        its stems held. A form of one or two stems is weighed stem by stem, the same sum as weighing the set (two
        weights add alike in either order); a longer one as the set, in the order the set gives."""
        best = None
        for f, wf, parts in forms:
            if parts is None:
                got = self.weight(f & (held if context is None else held | context))
            else:
                got = 0.0
                for t, w in parts:
                    if t in held or (context is not None and t in context):
                        got += w
            share = got / wf
            if best is None or share > best:
                best = share
        return best


class Heading:
    """A question's things under one heading (`context`: a passage's section and unit titles): which of them it says,
    and so what is left for its sentences to hold, found once for all the sentences under it. Most sentences hold
    few of the things: what one holding none of a thing's stems gets of it is found here too."""

    def __init__(self, shares: Shares, context: frozenset[str]) -> None:
        self.shares, self.context = shares, context
        self.single_stems = shares.single_stems
        self.singles = shares.unsaid if shares.single_stems.isdisjoint(context) else tuple(
            (t, w, t in context) for t, w in shares.singles.items())
        said = total = 0.0  # the things of one stem the heading says, and what it leaves to hold, each in `held`'s order
        for _, w, in_context in self.singles:
            if in_context:
                said += w
            else:
                total += w
        self.said = said
        self.groups = []
        for (w, forms), (its_stems, by_parts) in zip(shares.groups, shares.group_stems):
            in_context = bool(context) and any(f <= context for f, _, _ in forms)
            if not in_context:
                total += w
            # the heading's own share of it (`best` with no stem of it held: 0.0 when it says none of them either), when
            # every form is weighed stem by stem
            alone = (0.0 if its_stems.isdisjoint(context) else w * shares.best(forms, frozenset(), context)) if by_parts else None
            self.groups.append((w, forms, in_context, its_stems, alone))
        self.total_under = total

    def readings(self, stems: frozenset[str]) -> tuple[float | None, float | None, float | None]:
        """`held(stems | context)`, `held(stems, context)` and `held(stems)` (a sentence with its heading, under it,
        alone), each the same sum in the same order as `Shares.held` makes it, in one pass. A thing none of whose
        stems the sentence holds adds nothing to the last two (adding 0.0 changes no sum)."""
        if self.single_stems.isdisjoint(stems):
            got_both, got_under, got_alone = self.said, 0.0, 0.0
        else:
            got_both = got_under = got_alone = 0.0
            for t, w, in_context in self.singles:
                if t in stems:
                    got_both += w
                    got_alone += w
                    if not in_context:
                        got_under += w
                elif in_context:
                    got_both += w
        best = self.shares.best
        for w, forms, in_context, its_stems, heading_share in self.groups:
            if heading_share is not None and its_stems.isdisjoint(stems):
                got_both += heading_share
                continue
            got_both += w * best(forms, stems, self.context)
            alone = w * best(forms, stems)
            got_alone += alone
            if not in_context:
                got_under += alone
        total, under = self.shares.total, self.total_under
        return got_both / total if total else None, got_under / under if under else None, got_alone / total if total else None
