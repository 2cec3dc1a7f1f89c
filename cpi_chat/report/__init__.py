"""The outcomes report: figures gathered from people.db without names, ids or words, merged across a team, shown with small numbers hidden."""
