"""Lets `python -m cpi_chat` behave exactly like the `cpi-chat` command."""

from cpi_chat.cli import main

if __name__ == "__main__":
    main()
