"""A deterministic fictional county directory for the benchmarks: realistic clubs in 288 places, and queries people type."""

from __future__ import annotations

import random
from collections.abc import Iterator

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


def generate_rows(count: int, rng: random.Random) -> Iterator[dict[str, str]]:
    """`count` realistic fictional assets, one at a time (deterministic for a given generator state)."""
    areas = [f"{s}{e}" for s in AREA_STEMS for e in AREA_ENDS]
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
        yield {
            "id": f"bench-{number:06d}", "name": " ".join(name.split()), "domain": domain, "description": description,
            "tags": tags, "area": area, "address": f"{rng.choice(PLACES)}, {rng.randint(1, 200)} High Street, {area}",
            "schedule": f"{rng.choice(DAYS)} {rng.randint(9, 19)}:00-{rng.randint(10, 21)}:30", "cost": rng.choice(COSTS),
            "contact": f"01632 960{rng.randint(0, 999):03d}; group{number}@example.org", "accessibility": rng.choice(ACCESS),
            "kind": "specialist" if domain == "Non-Commissioned Services" and rng.random() < 0.5 else "mainstream",
            "source": "Benchmark generator", "last_verified": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        }


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
