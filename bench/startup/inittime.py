#!/usr/bin/env python3
"""Time from launching a stdio MCP server command to the answer of its
`initialize` (and of the first tools/list): what a desktop client waits for.

Usage: bench/startup/inittime.py CMD ARGS...
  e.g. bench/startup/inittime.py bin/warden wrap --data-dir /tmp/w -- python3 bench/startup/onetool.py
Run it alternately for the builds you compare; compare medians (docs/benchmarks.md, item 15).
"""
import json
import subprocess
import sys
import time

t = time.time()
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, text=True)
p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {},
    "clientInfo": {"name": "inittime", "version": "1"}}}) + "\n")
p.stdin.flush()
p.stdout.readline()
t1 = time.time()
p.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}) + "\n")
p.stdin.flush()
p.stdout.readline()
t2 = time.time()
print("initialize %.0f ms, tools/list %.0f ms" % ((t1 - t) * 1000, (t2 - t) * 1000))
p.stdin.close()
p.wait()
