"""Everything a person can do outside the conversation, one function each, under every front end.

The app, plain mode and the command line call these functions (and `Session` for a
conversation); they never reach the records or the directory themselves. Each action owns its
rule, its transaction, its audit row and its kind refusal: it raises `Refused` with one
sentence to show the person as it is.
"""
