"""The person's plan as one easy-read, printable HTML page (Jinja2, every value escaped)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from cpi_chat.plan.circles import circles_svg, text_alternative
from cpi_chat.plan.pictures import ATTRIBUTION, ATTRIBUTION_LINKS, SECTION_PICTURES, picture_source
from cpi_chat.plan.plan import PlanView
from cpi_chat.words import date_with_weekday

TEMPLATES = Path(__file__).parent / "templates"
BODY_POINTS = 18  # easy read asks for at least 16pt; 18pt reads better on paper
LARGE_PRINT_POINTS = 22  # at least 20pt when the person's needs say large print
PLAN_PAGE_MARK = "<title>My plan: "  # in the head of every plan page, so a page saved before may be replaced


def template_environment(autoescape: bool) -> Environment:
    """The Jinja2 environment for the plan templates; HTML always autoescapes."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=autoescape,
                      default_for_string=autoescape), trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["say_date"] = date_with_weekday
    env.filters["picture_source"] = picture_source
    env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    return env


def render_plan_html(plan: PlanView) -> str:
    """The plan as a self-contained HTML page: at least 16pt sans-serif text, print styles, an SVG with a text alternative."""
    svg = Markup(circles_svg(plan.circles, plan.name, plan.large_print))  # built with every label escaped
    return template_environment(True).get_template("plan.html.j2").render(
        plan=plan, points=LARGE_PRINT_POINTS if plan.large_print else BODY_POINTS, circles_svg=svg,
        circles_words=text_alternative(plan.circles), pictures=SECTION_PICTURES, attribution=ATTRIBUTION,
        attribution_links=ATTRIBUTION_LINKS,
    )
