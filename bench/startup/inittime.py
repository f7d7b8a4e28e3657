#!/usr/bin/env python3
"""Time from launching a stdio MCP server command to the answer of its
`initialize` (and of the first tools/list): what a desktop client waits for.

Usage: bench/startup/inittime.py [--call TOOL] CMD ARGS...
  e.g. bench/startup/inittime.py bin/warden wrap --data-dir /tmp/w -- python3 bench/startup/onetool.py
With --call, a tools/call of TOOL follows the list at once, and its answer is timed too
(the injection guard reads its result, so it waits for that guard's detector).
Run it alternately for the builds you compare; compare medians (docs/benchmarks.md, items 15-17).
"""
import json
import subprocess
import sys
import time

args = sys.argv[1:]
call = None
if args[:1] == ["--call"]:
    call, args = args[1], args[2:]
t = time.time()
p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
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
line = "initialize %.0f ms, tools/list %.0f ms" % ((t1 - t) * 1000, (t2 - t) * 1000)
if call:
    p.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
                              "params": {"name": call, "arguments": {"city": "Oslo"}}}) + "\n")
    p.stdin.flush()
    answer = p.stdout.readline()
    if '"error"' in answer or '"isError":true' in answer:
        sys.exit("tools/call failed: " + answer)
    line += ", tools/call %.0f ms" % ((time.time() - t) * 1000)
print(line)
p.stdin.close()
p.wait()
