"""Everything a person does outside the conversation, one function each, under every front end.

The app (`tui/`), plain mode (`plain/`) and the command line (`cli/`) call these functions (and
`Session` for a conversation); they never reach the records, the directory or the plan files
themselves, and an import-linter contract in `pyproject.toml` says so.

Each module gathers one kind of thing (people, goals, check-ins, notes, the plan, privacy, ...).
A function that changes something (a *command*: `add_person`, `mark_went`) takes the
`Workspace` first, owns its rule, its transaction and its audit row, and refuses kindly by
raising `Refused("one kind sentence")`, which every front end shows as it is. A function that
only reads (a *query*: `find_person`, `how_it_is_going`) takes the same first argument and
returns plain data. See "Actions" in docs/architecture.md for how to add one.

Importing this package (or any module in it) loads nothing heavy: the records are imported on
first use, so the app still starts quickly.
"""
