"""The person's plan as Markdown, with the same words as the HTML page."""

from __future__ import annotations

import re

from cpi_chat.plan.circles import text_alternative
from cpi_chat.plan.html import template_environment
from cpi_chat.plan.plan import PlanView

PLAN_MARKDOWN_MARK = "# My plan\n\nThis plan is for "  # how every plan in Markdown starts
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape_markdown(text: object) -> str:
    """Text with Markdown's special characters escaped and on one line, so a name or note cannot change the page."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def render_plan_markdown(plan: PlanView) -> str:
    """The plan as a Markdown document (headings, lists, no pictures needed)."""
    env = template_environment(False)
    env.filters["md"] = escape_markdown
    return env.get_template("plan.md.j2").render(plan=plan, circles_words=text_alternative(plan.circles))
