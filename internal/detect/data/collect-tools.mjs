// Lists the tools of MCP servers installed from npm, for the benign
// training file. Usage (see ../model/README.md):
//   node collect-tools.mjs NODE_MODULES_DIR PKG... > benign_npm_tools.jsonl
// Each server is started over stdio with placeholder credentials, sent
// initialize and tools/list, and stopped. One JSON line per tool with
// label 0 and the package name and version in _source.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, ...pkgs] = process.argv.slice(2);
const env = { ...process.env };
for (const k of ["GITHUB_PERSONAL_ACCESS_TOKEN", "GITLAB_PERSONAL_ACCESS_TOKEN", "SLACK_BOT_TOKEN", "SLACK_TEAM_ID",
  "BRAVE_API_KEY", "GOOGLE_MAPS_API_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "EVERART_API_KEY",
  "EXA_API_KEY", "FIRECRAWL_API_KEY", "TAVILY_API_KEY", "LINEAR_API_TOKEN", "API_TOKEN", "HEROKU_API_KEY",
  "SENTRY_ACCESS_TOKEN", "STRIPE_SECRET_KEY", "SUPABASE_ACCESS_TOKEN", "NOTION_TOKEN", "OPENAPI_MCP_HEADERS",
  "MYSQL_PASS"]) env[k] = env[k] || "placeholder-not-a-secret";
env.AWS_REGION = "us-east-1"; env.SLACK_TEAM_ID = "T000";

function list(pkg) {
  return new Promise((resolve) => {
    const pj = JSON.parse(readFileSync(join(dir, pkg, "package.json"), "utf8"));
    const bin = typeof pj.bin === "string" ? pj.bin : Object.values(pj.bin || {})[0];
    if (!bin) return resolve({ pkg, err: "no bin" });
    const extra = { "@modelcontextprotocol/server-filesystem": ["/tmp"], "@modelcontextprotocol/server-postgres": ["postgresql://localhost/none"],
      "@modelcontextprotocol/server-redis": ["redis://127.0.0.1:1"], "@stripe/mcp": ["--tools=all", "--api-key=sk_test_placeholder"],
      "@supabase/mcp-server-supabase": ["--access-token=placeholder"] }[pkg] || [];
    const child = spawn(process.execPath, [join(dir, pkg, bin), ...extra], { env, stdio: ["pipe", "pipe", "ignore"] });
    let buf = "", done = false;
    const finish = (r) => { if (!done) { done = true; child.kill("SIGKILL"); resolve({ pkg, version: pj.version, license: pj.license, ...r }); } };
    const timer = setTimeout(() => finish({ err: "timeout" }), 20000);
    child.on("exit", () => { clearTimeout(timer); finish({ err: "exited" }); });
    child.stdout.on("data", (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i); buf = buf.slice(i + 1);
        let msg; try { msg = JSON.parse(line); } catch { continue; }
        if (msg.id === 1) {
          child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
          child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }) + "\n");
        } else if (msg.id === 2) { clearTimeout(timer); finish({ tools: msg.result?.tools || [], err: msg.error?.message }); }
      }
    });
    child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {
      protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "warden-collect", version: "0" } } }) + "\n");
  });
}

for (const pkg of pkgs) {
  const r = await list(pkg);
  process.stderr.write(`${pkg}@${r.version} ${r.license}: ${r.tools ? r.tools.length + " tools" : ""} ${r.err || ""}\n`);
  for (const t of r.tools || []) {
    const { name, title, description, inputSchema, outputSchema, annotations } = t;
    process.stdout.write(JSON.stringify({ name, title, description, inputSchema, outputSchema, annotations, label: 0,
      _source: `${pkg}@${r.version} (${r.license})` }) + "\n");
  }
}
