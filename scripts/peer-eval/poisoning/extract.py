"""Extract MCP tool definitions (name, description, param descriptions) from Python MCP servers."""
import ast, json, sys

def decorator_is_tool(d):
    f = d.func if isinstance(d, ast.Call) else d
    name = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')
    return name in ('tool',)

def kw(call, key):
    if isinstance(call, ast.Call):
        for k in call.keywords:
            if k.arg == key:
                try: return ast.literal_eval(k.value)
                except Exception: return None
    return None

def tools_from_source(src):
    out = []
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return out
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decs = [d for d in node.decorator_list if decorator_is_tool(d)]
            if not decs: continue
            d = decs[0]
            desc = kw(d, 'description') or ast.get_docstring(node) or ''
            name = kw(d, 'name') or node.name
            out.append({'name': name, 'description': desc, 'inputSchema': {'type': 'object', 'properties': {a.arg: {'type': 'string'} for a in node.args.args if a.arg not in ('self', 'ctx')}}})
        # types.Tool(name=..., description=...)
        if isinstance(node, ast.Call):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')
            if fname == 'Tool':
                n, de = kw(node, 'name'), kw(node, 'description')
                if isinstance(n, str) and isinstance(de, str):
                    out.append({'name': n, 'description': de})
    return out

if __name__ == '__main__':
    for path in sys.argv[1:]:
        for t in tools_from_source(open(path, encoding='utf-8', errors='replace').read()):
            t['_file'] = path
            print(json.dumps(t, ensure_ascii=False))
