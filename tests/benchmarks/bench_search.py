"""Benchmark asset search at 100,000 assets against a naive rapidfuzz scan, and print the figures.

Run: python tests/benchmarks/bench_search.py [--assets N] [--quick]
The directory is generated deterministically (same seed, same assets) and includes the demo
town, so the labelled queries of tests/search_queries.yaml can also be scored among 100,000
distractors. The last line printed is one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from cpi_chat.assets.directory import AssetDirectory, SearchFilters
from cpi_chat.assets.model import CSV_COLUMNS
from cpi_chat.paths import shipped_assets_dir

SEED = 20251125
# activity, domain label, tags, group nouns
ACTIVITIES = [
    ("Football", "Sport", "football;team;exercise", ["Club", "Group", "Kickabout", "Team"]),
    ("Walking Football", "Sport", "football;walking;over 50s", ["Group", "Session"]),
    ("Netball", "Sport", "netball;team", ["Club", "Back to Netball"]),
    ("Running", "Sport", "running;jogging;5k", ["Club", "Group", "Beginners"]),
    ("Swimming", "Sport", "swimming;pool", ["Club", "Lessons", "Session"]),
    ("Badminton", "Sport", "badminton;racket sport", ["Club", "Social"]),
    ("Table Tennis", "Sport", "table tennis;ping pong", ["Club", "Drop-in"]),
    ("Boxing", "Sport", "boxing;gym;fitness", ["Gym", "Club"]),
    ("Kick-Boxing", "Sport", "kickboxing;martial arts;fitness", ["Class", "Club"]),
    ("Judo", "Sport", "judo;martial arts", ["Club", "Class"]),
    ("Cycling", "Sport", "cycling;bike rides", ["Club", "Rides", "Group"]),
    ("Bowls", "Sport", "bowls;lawn bowls", ["Club", "Short Mat Bowls"]),
    ("Cricket", "Sport", "cricket;team", ["Club", "Nets"]),
    ("Angling", "Sport", "fishing;angling;outdoors", ["Club", "Society"]),
    ("Archery", "Sport", "archery;target sport", ["Club"]),
    ("Keep Fit", "Sport", "exercise;fitness;older people", ["Class", "Session"]),
    ("Knitting", "Arts and Crafts", "knitting;yarn;crafts", ["Circle", "Group", "and Natter"]),
    ("Crochet", "Arts and Crafts", "crochet;yarn;crafts", ["Group", "Circle"]),
    ("Pottery", "Arts and Crafts", "pottery;clay;ceramics", ["Studio", "Class"]),
    ("Painting", "Arts and Crafts", "painting;art;watercolour", ["Group", "Club", "Class"]),
    ("Photography", "Arts and Crafts", "photography;camera", ["Club", "Society"]),
    ("Community Choir", "Arts and Crafts", "singing;choir;music", ["", "Rehearsal"]),
    ("Ukulele", "Arts and Crafts", "ukulele;music", ["Strummers", "Group"]),
    ("Brass Band", "Arts and Crafts", "brass band;music;cornet", ["", "Learners"]),
    ("Amateur Dramatics", "Arts and Crafts", "drama;theatre;amdram", ["Society", "Group"]),
    ("Woodturning", "Arts and Crafts", "woodwork;woodturning", ["Club", "Workshop"]),
    ("Reading", "Education", "books;reading group;book club", ["Group", "Circle", "Club"]),
    ("Book Club", "Neighbourhood Activities, Associations and Events", "books;reading", ["", "Evening"]),
    ("Computer Help", "Education", "computers;digital skills;phones", ["Drop-in", "Sessions"]),
    ("English Conversation", "Education", "esol;english;language", ["Club", "Class"]),
    ("Local History", "Education", "history;heritage;talks", ["Society", "Group"]),
    ("Spanish", "Education", "spanish;language", ["Conversation Group", "Class"]),
    ("Cookery", "Education", "cooking;cookery;food", ["Course", "Class"]),
    ("Yoga", "Alternative Therapies", "yoga;stretching;relaxation", ["Class", "for Beginners"]),
    ("Tai Chi", "Alternative Therapies", "tai chi;qigong;balance", ["Class", "in the Park"]),
    ("Meditation", "Alternative Therapies", "meditation;mindfulness;calm", ["Group", "Drop-in"]),
    ("Reflexology", "Alternative Therapies", "reflexology;massage", ["Clinic", "Sessions"]),
    ("Peer Support", "Non-Commissioned Services", "peer support;mental health", ["Group", "Circle"]),
    ("Hearing Voices", "Non-Commissioned Services", "hearing voices;mental health", ["Group"]),
    ("Recovery Cafe", "Non-Commissioned Services", "recovery;alcohol;addiction", ["", "Meeting"]),
    ("Bereavement Cafe", "Non-Commissioned Services", "bereavement;loss;grief", ["", "Group"]),
    ("Coffee Morning", "Neighbourhood Activities, Associations and Events", "coffee;tea;cake;chat", ["", "Club"]),
    ("Quiz Night", "Neighbourhood Activities, Associations and Events", "quiz;pub", ["", "Team"]),
    ("Bingo", "Neighbourhood Activities, Associations and Events", "bingo;social", ["Night", "Afternoon"]),
    ("Lunch Club", "Neighbourhood Activities, Associations and Events", "lunch;older people;meal", ["", "for Over 60s"]),
    ("Men's Shed", "Neighbourhood Activities, Associations and Events", "men;woodwork;repairs", [""]),
    ("Repair Cafe", "Neighbourhood Activities, Associations and Events", "repairs;fixing;reuse", [""]),
    ("Film Club", "Neighbourhood Activities, Associations and Events", "films;cinema", ["", "Night"]),
    ("Allotment", "Horticulture", "allotment;growing;vegetables", ["Society", "Association"]),
    ("Gardening", "Horticulture", "gardening;plants;flowers", ["Club", "Group"]),
    ("Community Garden", "Horticulture", "gardening;growing;outdoors", ["", "Volunteers"]),
    ("Orchard", "Horticulture", "fruit trees;orchard;apples", ["Group", "Friends"]),
    ("Food Bank", "Volunteering", "food bank;volunteering", ["Volunteers", "Helpers"]),
    ("Charity Shop", "Volunteering", "charity shop;volunteering;retail", ["Volunteers", "Helpers"]),
    ("Litter Picking", "Volunteering", "litter;clean up;environment", ["Group", "Crew"]),
    ("Animal Rescue", "Volunteering", "animals;dogs;cats;rescue", ["Volunteers", "Helpers"]),
    ("Befriending", "Volunteering", "befriending;companionship;loneliness", ["Scheme", "Service"]),
    ("Parish Church", "Religious and Cultural Groups", "church;worship;christian;hymns", ["Sunday Service", "Fellowship"]),
    ("Mosque", "Religious and Cultural Groups", "mosque;islam;prayer", ["Community Circle", "Open Day"]),
    ("Polish Association", "Religious and Cultural Groups", "polish;culture;language", ["", "Social"]),
    ("LGBT+ Social", "Other", "lgbt;gay;lesbian;trans;social", ["", "Group"]),
    ("Women's Circle", "Other", "women;friendship", ["", "Group"]),
    ("Veterans Breakfast", "Other", "veterans;armed forces;breakfast", ["Club", ""]),
    ("Carers' Group", "Other", "carers;support", ["", "Coffee Morning"]),
]
PLACES = ["Village Hall", "Community Centre", "Library", "Leisure Centre", "Church Hall", "Park", "Pub", "Scout Hut", "Sports Ground", "Methodist Hall"]
AREA_STEMS = ["Ash", "Birch", "Brook", "Castle", "Dale", "Elm", "Fern", "Glen", "Hazel", "Holly", "Kings", "Lark", "Marsh", "Mill", "North", "Oak", "Pen", "Queens", "Red", "Stone", "Thorn", "Upper", "West", "Willow"]
AREA_ENDS = ["ford", "ley", "ton", "by", "field", "bridge", "wick", "ham", " Green", " End", "worth", "stead"]
DAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "Mon-Fri", "First Tuesday of the month", "Every other Thursday"]
COSTS = ["Free", "Free, donations welcome", "£2 per session", "£3 per session", "£5 per class", "£10 a year", "£25 a year", "Pay as you feel", "£1 for tea"]
ACCESS = ["Step-free access; hearing loop", "Wheelchair accessible; accessible toilet", "Upstairs, no lift", "Ground floor; on the bus route", "Uneven ground; ask about access", ""]
OPENERS = ["A friendly", "A relaxed", "A small", "A welcoming", "A lively", "A gentle", "An informal"]
MIDDLES = ["for complete beginners and old hands alike", "where newcomers are made very welcome", "with tea and biscuits afterwards",
           "run by local volunteers", "that has met for over twenty years", "where you can go at your own pace", "with a buddy for your first visit"]
ENDINGS = ["Just turn up, or ring first if you are nervous.", "Equipment can be borrowed.", "Carers come free.",
           "The group also has summer outings.", "Please bring comfortable clothes.", "Transport can sometimes be arranged."]
TYPO_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def generate_rows(count: int, rng: random.Random) -> list[dict[str, str]]:
    """`count` realistic fictional assets (deterministic for a given generator state)."""
    areas = [f"{s}{e}" for s in AREA_STEMS for e in AREA_ENDS]
    rows: list[dict[str, str]] = []
    for number in range(count):
        activity, domain, tags, nouns = rng.choice(ACTIVITIES)
        area = rng.choice(areas)
        noun = rng.choice(nouns)
        style = rng.random()
        if style < 0.4:
            name = f"{area} {activity} {noun}".strip()
        elif style < 0.7:
            name = f"{activity} {noun} at the {rng.choice(PLACES)}".replace("  ", " ")
        else:
            name = f"{rng.choice(['Friends of', 'The', 'Happy', 'Open Door', 'Sunday', 'Evening'])} {activity} {noun}".strip()
        description = f"{rng.choice(OPENERS)} {activity.lower()} {noun.lower() or 'group'} {rng.choice(MIDDLES)}. {rng.choice(ENDINGS)}"
        rows.append({
            "id": f"bench-{number:06d}", "name": " ".join(name.split()), "domain": domain, "description": description,
            "tags": tags, "area": area, "address": f"{rng.choice(PLACES)}, {rng.randint(1, 200)} High Street, {area}",
            "schedule": f"{rng.choice(DAYS)} {rng.randint(9, 19)}:00-{rng.randint(10, 21)}:30", "cost": rng.choice(COSTS),
            "contact": f"01632 960{rng.randint(0, 999):03d}; group{number}@example.org", "accessibility": rng.choice(ACCESS),
            "kind": "specialist" if domain == "Non-Commissioned Services" and rng.random() < 0.5 else "mainstream",
            "source": "Benchmark generator", "last_verified": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        })
    return rows


def typo(word: str, rng: random.Random) -> str:
    """The word with one random deletion, insertion, substitution or swap."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + rng.choice(TYPO_ALPHABET) + word[i:]
    if kind == 2:
        return word[:i] + rng.choice(TYPO_ALPHABET) + word[i + 1:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def generated_queries(count: int, rng: random.Random, areas: list[str]) -> list[str]:
    """Queries of the kinds people type: names, typos, colloquial words, descriptions, areas, prefixes."""
    colloquial = ["footy", "a brew and a chat", "keep fit", "book club", "veg patch", "ping pong", "amdram", "the pictures", "kikboxing", "knit"]
    descriptions = ["used to go {a} with my dad", "likes {a} and meeting people", "wants to try {a} again", "was keen on {a} years ago"]
    queries: list[str] = []
    for _ in range(count):
        activity = rng.choice(ACTIVITIES)[0].lower()
        kind = rng.randrange(6)
        if kind == 0:
            queries.append(activity)
        elif kind == 1:
            queries.append(" ".join(typo(w, rng) for w in activity.split()))
        elif kind == 2:
            queries.append(rng.choice(colloquial))
        elif kind == 3:
            queries.append(rng.choice(descriptions).format(a=activity))
        elif kind == 4:
            queries.append(f"{activity} in {rng.choice(areas)}")
        else:
            queries.append(activity[: max(3, len(activity) // 2)])
    return queries


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    """Build, import, index, query and compare; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--generated-queries", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="Time the baseline on 200 queries only.")
    options = parser.parse_args()
    rng = random.Random(SEED)
    demo_file = shipped_assets_dir() / "demo_town.csv"
    with demo_file.open(encoding="utf-8", newline="") as handle:
        demo_rows = list(csv.DictReader(handle))
    rows = demo_rows + generate_rows(options.assets - len(demo_rows), rng)
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "directory.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        directory = AssetDirectory.open(Path(folder) / "assets.db")
        started = time.perf_counter()
        report = directory.import_file(csv_path, bad_rows="refuse")
        import_seconds = time.perf_counter() - started
        print(f"import: {report.imported} assets from CSV in {import_seconds:.2f} s")

        started = time.perf_counter()
        directory.index()
        build_seconds = time.perf_counter() - started
        print(f"index build: {build_seconds:.2f} s")
        directory._index = None  # measure the index's memory on a second build
        tracemalloc.start()
        directory.index()
        index_memory_mb = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        print(f"index peak memory (tracemalloc): {index_memory_mb:.0f} MB")

        labelled = yaml.safe_load((Path(__file__).resolve().parent.parent / "search_queries.yaml").read_text(encoding="utf-8"))
        areas = sorted({r["area"] for r in rows})
        queries = [(e["q"], SearchFilters(**(e.get("filters") or {}))) for e in labelled]
        queries += [(q, SearchFilters()) for q in generated_queries(options.generated_queries, rng, areas)]
        ours: list[float] = []
        found_by_query: list[list[str]] = []
        for query, filters in queries:
            started = time.perf_counter()
            hits = directory.search(query, 10, filters)
            ours.append((time.perf_counter() - started) * 1000)
            found_by_query.append([h.asset.id for h in hits])

        names = [r["name"] for r in rows]
        ids = [r["id"] for r in rows]
        baseline_queries = queries if not options.quick else queries[: len(labelled)] + queries[len(labelled):][:200 - len(labelled)]
        naive: list[float] = []
        naive_found: list[list[str]] = []
        for query, _ in baseline_queries:
            started = time.perf_counter()
            result = process.extract(query, names, scorer=fuzz.WRatio, limit=10)
            naive.append((time.perf_counter() - started) * 1000)
            naive_found.append([ids[index_] for _, _, index_ in result])

        def hit_at_5(found: list[list[str]]) -> float:
            good = sum(1 for entry, f in zip(labelled, found) if set(entry["relevant"]) & set(f[:5]))
            return good / len(labelled)

        figures = {
            "assets": len(rows), "queries": len(queries), "baseline_queries": len(baseline_queries),
            "p50_ms": round(statistics.median(ours), 3), "p95_ms": round(percentile(ours, 0.95), 3),
            "baseline_p50_ms": round(statistics.median(naive), 3), "baseline_p95_ms": round(percentile(naive, 0.95), 3),
            "speedup_p50": round(statistics.median(naive) / statistics.median(ours), 1),
            "speedup_p95": round(percentile(naive, 0.95) / percentile(ours, 0.95), 1),
            "index_build_s": round(build_seconds, 2), "csv_import_s": round(import_seconds, 2),
            "index_peak_memory_mb": round(index_memory_mb, 1),
            "process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "labelled_hit_at_5_among_distractors": round(hit_at_5(found_by_query), 3),
            "baseline_labelled_hit_at_5_among_distractors": round(hit_at_5(naive_found), 3),
        }
        print(f"ours:     p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms over {len(queries)} queries")
        print(f"baseline: p50 {figures['baseline_p50_ms']} ms, p95 {figures['baseline_p95_ms']} ms over {len(baseline_queries)} queries")
        print(f"speed-up: {figures['speedup_p50']}x at p50, {figures['speedup_p95']}x at p95")
        print(f"labelled hit@5 among {len(rows):,} assets: ours {figures['labelled_hit_at_5_among_distractors']}, "
              f"baseline {figures['baseline_labelled_hit_at_5_among_distractors']}")
        print(f"peak memory of the whole process: {figures['process_peak_rss_mb']} MB")
        directory.close()
    print(json.dumps(figures))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
