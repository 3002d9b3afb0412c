"""The chat page: a Gradio Blocks app over one Engine; the HTML of each reply comes from `render.py`.

Gradio's own sanitiser runs on top of the escaping `render.py` does.

>>> blocks = build_blocks(engine)                      # doctest: +SKIP
>>> render_answer(engine.answer("How many green data centres?"), turn=0)   # doctest: +SKIP
'<div class="askwef-answer"><blockquote class="askwef-quote">To date, 246 green data ...'
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402  (after the analytics switch)

from ..engine import Engine, QuestionError, clean_question  # noqa: E402
from ..index import IndexProblem  # noqa: E402
from ..ingest import IngestError  # noqa: E402
from ..types import Answer, report_label  # noqa: E402
from .limits import MAX_QUESTION_CHARS  # noqa: E402
from .render import plain_answer, render_answer, render_error, render_question  # noqa: E402
from .examples import EXAMPLES  # noqa: E402
from .status import build_note  # noqa: E402  (the same limit as the HTTP API; the page's box stops at 2,000)

WHOLE_REPORT = "Whole report"

# System fonts only: no font file, no CDN; the page needs nothing from outside this server.
THEME = gr.themes.Default(
    primary_hue="blue",
    neutral_hue="slate",
    font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)

# --- feedback ------------------------------------------------------------------------------------

def feedback_path() -> Path:
    """Where votes go: ASKWEF_FEEDBACK, else ./feedback.jsonl."""
    return Path(os.environ.get("ASKWEF_FEEDBACK") or "feedback.jsonl")


class FeedbackLog:
    """Appends one JSON line per vote: {time, question, answer, sections, vote, ...}."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, answer: Answer, vote: str, *, within: str = "") -> dict:
        if vote not in ("helpful", "not helpful"):
            raise ValueError(f"vote must be 'helpful' or 'not helpful', not {vote!r}")
        entry = {
            "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "question": answer.question,
            "answer": answer.text if not answer.abstained else "",
            "sections": list(dict.fromkeys(q.section for q in answer.quotes)),
            "vote": vote,
            "abstained": answer.abstained,
            "within": within,
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line)
        return entry


# --- the page ------------------------------------------------------------------------------------

def _check_length(question: object) -> None:
    if isinstance(question, str) and len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question is {len(question)} characters long; the limit is {MAX_QUESTION_CHARS}")


def chat_turn(engine: Engine, question: str, within: str, messages: list, answers: list):
    """One chat turn: (messages, answers, copy text, new box value).

    `messages` is what the page shows (rendered HTML); `answers` this session's Answer objects,
    which is what follow-ups are resolved against (the rendered HTML is not the raw answer).
    A blank question changes nothing.
    """
    messages = list(messages or [])
    answers = list(answers or [])
    try:
        q = clean_question(question)
    except QuestionError as exc:
        if not isinstance(question, str) or not question.strip() or "empty" in str(exc):
            return messages, answers, gr.skip(), question
        shown = " ".join(question.split())[:200]  # "???": say why nothing is looked up
        messages += [{"role": "user", "content": render_question(shown)}, {"role": "assistant", "content": render_error(str(exc))}]
        return messages, answers, gr.skip(), ""
    try:
        _check_length(question)
        answer = engine.answer(q, history=answers, within=within or None)
    except (QuestionError, IndexProblem, IngestError) as exc:
        messages += [{"role": "user", "content": render_question(q)}, {"role": "assistant", "content": render_error(str(exc))}]
        return messages, answers, gr.skip(), ""
    messages += [
        {"role": "user", "content": render_question(q)},
        {"role": "assistant", "content": render_answer(answer, turn=len(answers))},
    ]
    answers.append(answer)
    return messages, answers, plain_answer(answer), ""


def section_choices(engine: Engine) -> list[tuple[str, str]]:
    """Dropdown choices (label, value): the whole library, then (with several reports) each report by its
    title and year, then every section path once, in reading order."""
    documents = list(engine.store.documents)
    choices = [(WHOLE_REPORT, "")]
    if len(documents) > 1:
        choices += [(f"Report: {report_label(d.title, d.name, d.year)}", d.name) for d in documents]
    paths = list(dict.fromkeys(engine.sections()))
    return choices + [(p.replace(" > ", " › "), p) for p in paths]


def build_blocks(
    engine: Engine, *, feedback: FeedbackLog | None = None, examples: Sequence[str] = EXAMPLES, before: Callable[[], None] | None = None,
) -> gr.Blocks:
    """The chat page over `engine`. Gradio API endpoints: /ask (an Answer as JSON) and /search.

    `before`: called before every answer and search (the server passes `engine.refresh`).
    """
    feedback = feedback or FeedbackLog(feedback_path())
    before = before or (lambda: None)
    titles = [d.get("title", d.get("name", "")) for d in engine.manifest.get("documents", [])]
    report = titles[0] if len(titles) == 1 else f"{len(titles)} reports"

    def respond(question: str, within: str, messages: list, answers: list):
        try:
            before()
        except (IndexProblem, IngestError) as exc:
            messages = list(messages or []) + [{"role": "assistant", "content": render_error(f"index unavailable: {exc}")}]
            return messages, answers, gr.skip(), question
        return chat_turn(engine, question, within, messages, answers)

    def vote(kind: str, answers: list, within: str) -> str:
        if not answers:
            return "Ask a question first, then say whether the answer helped."
        feedback.record(answers[-1], kind, within=within or "")
        return f"Thanks — recorded as *{kind}*."

    def clear():
        return [], [], "", ""

    def ask(question: str, within: str = "", k: int = 10, history: list | None = None) -> dict:
        """Answer `question` from the report: the Answer as JSON (text, quotes, endnotes, passages, ...).

        `within`: a section path (see the dropdown) to restrict the answer to; "" for the whole report.
        `history`: previous turns for follow-ups, [{"question": ..., "answer": ...}] or chat messages.
        """
        if history is not None and not isinstance(history, list):
            raise gr.Error("history must be a list of turns")
        try:
            _check_length(question)
            before()
            return engine.answer(question, history=history or None, within=within or None, k=k).to_dict()
        except QuestionError as exc:
            raise gr.Error(str(exc)) from None
        except (IndexProblem, IngestError) as exc:
            raise gr.Error(f"index unavailable: {exc}") from None

    def search(question: str, k: int = 10, within: str = "") -> dict:
        """The passages that best match `question`, best first: {"passages": [...]}."""
        try:
            _check_length(question)
            before()
            return {"passages": [p.to_dict() for p in engine.search(question, k, within=within or None)]}
        except QuestionError as exc:
            raise gr.Error(str(exc)) from None
        except (IndexProblem, IngestError) as exc:
            raise gr.Error(f"index unavailable: {exc}") from None

    with gr.Blocks(title="askwef — ask the report", analytics_enabled=False) as blocks:
        gr.Markdown(
            f"## Ask the report\n*{html.escape(report)}*. Answers are the report's own sentences, quoted verbatim, "
            "with section, page and endnotes. When the report does not cover a question, askwef says so.",
            elem_id="askwef-header",
        )
        answers_state = gr.State([])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    label="askwef", elem_id="askwef-chat", height=560, sanitize_html=True, allow_tags=False,
                    render_markdown=True, feedback_options=None, buttons=[], latex_delimiters=[],
                    placeholder="Ask a question about the report, or pick an example.",
                )
                with gr.Row():
                    box = gr.Textbox(
                        placeholder=f"e.g. {examples[0]}" if examples else "Ask a question about the report.",
                        show_label=False, scale=5, max_length=2000, elem_id="askwef-question", submit_btn=False,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="askwef-ask")
                with gr.Row():
                    helpful = gr.Button("Helpful", size="sm", elem_id="askwef-helpful")
                    unhelpful = gr.Button("Not helpful", size="sm", elem_id="askwef-unhelpful")
                    clear_btn = gr.Button("New conversation", size="sm", elem_id="askwef-clear")
                status = gr.Markdown("", elem_id="askwef-status")
                building = gr.Markdown(build_note(engine.status()), elem_id="askwef-build")
            with gr.Column(scale=1, min_width=280):
                within = gr.Dropdown(
                    choices=section_choices(engine), value="", label="Answer from", elem_id="askwef-within",
                    info="One chapter or industry (with its subsections), or the whole report.",
                )
                gr.Markdown("**Examples** (click to ask)")
                with gr.Column(elem_id="askwef-examples"):
                    example_buttons = [gr.Button(q, size="sm") for q in examples]
                copy = gr.Textbox(
                    label="Copy the last answer with its citations", lines=8, max_lines=16, interactive=False,
                    buttons=["copy"], elem_id="askwef-copy",
                )

        io = dict(inputs=[box, within, chatbot, answers_state], outputs=[chatbot, answers_state, copy, box])
        box.submit(respond, api_name="chat", api_visibility="undocumented", **io)
        send.click(respond, api_visibility="private", **io)
        for button, question in zip(example_buttons, examples):
            button.click(lambda q=question: q, outputs=box, api_visibility="private").then(respond, api_visibility="private", **io)
        helpful.click(lambda a, w: vote("helpful", a, w), inputs=[answers_state, within], outputs=status, api_visibility="private")
        unhelpful.click(lambda a, w: vote("not helpful", a, w), inputs=[answers_state, within], outputs=status, api_visibility="private")
        clear_btn.click(clear, outputs=[chatbot, answers_state, copy, status], api_visibility="private")
        # the build line follows the background build (engine.poll starts it; see api.py)
        gr.Timer(2.0).tick(lambda: build_note(engine.status()), outputs=building, api_visibility="private", queue=False)
        gr.api(ask, api_name="ask")
        gr.api(search, api_name="search")
    return blocks
