"""What the benchmarks share: one request to a server, and wrk's figures parsed from its output."""

import http.client
import re
import subprocess

from deploy.cluster import HOST


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def get(port, path, timeout=10):
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Language": "es"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def parse_wrk(output):
    def number(pattern, default=0):
        match = re.search(pattern, output, re.MULTILINE)
        return match.group(1) if match else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests": int(number(r"(\d+) requests in")),
        "requests_per_second": float(number(r"Requests/sec:\s+([\d.]+)")),
        "non_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "latency_p50": number(r"^\s+50%\s+(\S+)", "?"),
        "latency_p90": number(r"^\s+90%\s+(\S+)", "?"),
        "latency_p99": number(r"^\s+99%\s+(\S+)", "?"),
    }
