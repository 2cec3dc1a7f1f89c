"""cpi-chat: a terminal companion for the Connecting People Intervention."""

import os

__version__ = "0.1.0"

# numpy's OpenBLAS starts worker threads as it loads. cpi-chat does no linear algebra, and a signal (SIGTERM, the
# terminal closed) that the system hands to one of those threads leaves the main thread's blocking read (a PIN being
# typed) unaware of it until the next key. One thread, then, unless the person running it chose otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
