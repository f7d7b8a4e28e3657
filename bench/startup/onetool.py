#!/usr/bin/env python3
"""A minimal stdio MCP server with one tool, for start-up timing (inittime.py)."""
import json
import sys

for line in sys.stdin:
    m = json.loads(line)
    if "id" not in m:
        continue
    if m["method"] == "initialize":
        r = {"protocolVersion": m["params"]["protocolVersion"], "capabilities": {"tools": {}},
             "serverInfo": {"name": "onetool", "version": "1"}}
    elif m["method"] == "tools/list":
        r = {"tools": [{"name": "get_weather", "description": "Gets the weather for a city.",
                        "inputSchema": {"type": "object", "properties": {"city": {"type": "string"}}}}]}
    elif m["method"] == "tools/call":
        r = {"content": [{"type": "text", "text": "sunny"}]}
    else:
        print(json.dumps({"jsonrpc": "2.0", "id": m["id"],
                          "error": {"code": -32601, "message": "method not found"}}), flush=True)
        continue
    print(json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": r}), flush=True)
