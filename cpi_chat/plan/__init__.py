"""The person's own plan between appointments: easy-read HTML and Markdown, a calendar file, circles of support."""
