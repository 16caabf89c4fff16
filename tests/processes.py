"""A second Django process that a test talks to, as another app server or a cron job would be.

It starts once (a Django process takes more than a second to start, most of it importing Wagtail)
and runs each snippet of Python it is sent in one namespace, keeping what it imported, read and
cached in between, as a long-running process does. What a snippet prints comes back; an exception
in it fails the test with its traceback.
"""

import contextlib
import json
import select
import subprocess
import sys
import tempfile
import textwrap

from django.conf import settings

# Runs in the other process: a snippet is its lines up to END; each answer is one line of JSON.
SERVE = """
import contextlib, io, json, os, sys, traceback
# The answers go out on a copy of stdout; stdout itself joins stderr, where log handlers that
# hold it (the development settings log to stdout) cannot garble them.
answers = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)
import django
django.setup()
namespace = {}
snippet = []
for line in sys.stdin:
    if line != END:
        snippet.append(line)
        continue
    printed, failed = io.StringIO(), False
    try:
        with contextlib.redirect_stdout(printed):
            exec("".join(snippet), namespace)
    except BaseException:
        failed = True
        printed.write(traceback.format_exc())
    snippet = []
    print(json.dumps({"failed": failed, "printed": printed.getvalue()}), file=answers, flush=True)
"""
END = "# --- end of snippet ---\n"


@contextlib.contextmanager
def django_process(env, umask=-1):
    """`with django_process(env) as other: other.run("print(...)")`: `env` is the whole environment,
    DJANGO_SETTINGS_MODULE included."""
    # Its errors go to a file: a pipe that nobody reads could fill up and block it.
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen(
            [sys.executable, "-c", f"END = {END!r}\n{SERVE}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            umask=umask,
        )
        try:
            yield OtherProcess(process, errors)
        finally:
            process.stdin.close()  # it ends once it has read everything
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()


class OtherProcess:
    def __init__(self, process, errors):
        self.process, self.errors = process, errors

    def run(self, code, timeout=600):
        """What `code` (indented or not) printed in the other process, within `timeout` seconds."""
        self.process.stdin.write(textwrap.dedent(code).rstrip("\n") + "\n" + END)
        self.process.stdin.flush()
        # Each answer is one line, read whole: nothing waits in the reader's buffer between them.
        if not select.select([self.process.stdout], [], [], timeout)[0]:
            self.process.kill()
            raise AssertionError(f"The other process gave no answer in {timeout} s to:\n{code}")
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=60)
            self.errors.seek(0)
            raise AssertionError(
                f"The other process ended ({self.process.returncode}):\n{self.errors.read()}"
            )
        answer = json.loads(line)
        assert not answer["failed"], f"In the other process:\n{answer['printed']}"
        return answer["printed"]
