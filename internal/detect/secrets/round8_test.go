package secrets

import (
	"strings"
	"testing"
)

// Round 8: contexts read in CredSweeper's tune half (docs/secrets.md,
// Round 8). Values generated for this test, not copied.
func TestRound8Cases(t *testing.T) {
	s := mustScanner(t, Options{})
	cases := []firstFindingCase{
		// pw and abbreviated password names.
		{"pw after an id", "login id:admin7, pw:Tq4rLm9s!", "Tq4rLm9s!"},
		{"abbreviated name", "DB_PSWD=Vb8qW2nz-x", "Vb8qW2nz-x"},
		{"misspelled name, Go assignment", "PASWORD:=Hr5tKq2wZm", "Hr5tKq2wZm"},
		{"pw is part of a word", "upward: Tq4rLm9s!", ""},
		{"pw from a call", "pw := getpass()", ""},
		{"pw is a number", "pw: 123456", ""},
		// Directives define names with a space.
		{"C define", `#define ADMIN_PASSWORD "Zr7pQ2mx"`, "Zr7pQ2mx"},
		{"RPM global", `%global token 9f3ab27c04d8e61f5a2b7c9d0e4f1a3b`, "9f3ab27c04d8e61f5a2b7c9d0e4f1a3b"},
		{"batch set", `SET password "Kd8.zv31Qx"`, "Kd8.zv31Qx"},
		{"define a length", "#define PASSWORD_LEN 12", ""},
		{"define in prose", `we set password "reset" links`, ""},
		// SQL statements that set a password.
		{"mysql identified by", "CREATE USER 'app'@'%' IDENTIFIED BY 'Wq7zPl2x';", "Wq7zPl2x"},
		{"postgres with password", "ALTER ROLE app WITH LOGIN PASSWORD 'Wq7zPl2x';", "Wq7zPl2x"},
		{"unquoted", "CREATE USER app IDENTIFIED BY Wq7zPl2x;", "Wq7zPl2x"},
		{"sql placeholder", "CREATE USER app IDENTIFIED BY '%s';", ""},
		{"sql bind parameter", "ALTER USER app WITH PASSWORD $1;", ""},
		{"sql null", "ALTER ROLE app PASSWORD NULL;", ""},
		{"sql expire", "ALTER USER app PASSWORD EXPIRE;", ""},
		{"sql template", "CREATE USER app IDENTIFIED BY '{{ db_password }}';", ""},
		{"sql question mark", "CREATE USER app IDENTIFIED BY ?;", ""},
		{"sql named parameter", "ALTER USER app WITH PASSWORD :new_password;", ""},
		// HTML-escaped quotes and markup.
		{"escaped quotes", `<a href="/x?token=&quot;Jm4qTz81vKp0Rw&quot;">`, "Jm4qTz81vKp0Rw"},
		{"escaped markup", "&lt;div&gt;- password: String&lt;/div&gt;", ""},
		{"escaped password", "password: Df34D&amp;lt;3k&amp;gt;", "Df34D&amp"},
		// The literal an environment read falls back to.
		{"getenv default", `db_password = os.getenv("DB_PASSWORD", "Yt6vRq2p!m")`, "Yt6vRq2p!m"},
		{"or fallback", `PASSWORD = os.environ.get("PASSWORD") or "Yt6vRq2p!m"`, "Yt6vRq2p!m"},
		{"getenv without default", `password = os.getenv("DB_PASSWORD")`, ""},
		{"getenv empty default", `password = os.getenv("DB_PASSWORD", "")`, ""},
		{"getenv word default", `password = os.getenv("DB_PASSWORD", "postgres")`, ""},
		// Formats.
		{"posthog personal key", "POSTHOG=phx_Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv7Lr3T", "phx_Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv7Lr3T"},
		{"posthog project key is public", "posthog.init('phc_Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv')", ""},
		{"phoenix binding", `phx_click_away_handler_for_the_dropdown_menu_items`, ""},
		{"llamacloud key", "LLAMA_CLOUD=llx-Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv7Lr3T8nBq", "llx-Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFaZp4Kx9Qm2Wv7Lr3T8nBq"},
		{"llamacloud key too short", "llx-Qm7vR2xK9pLw4TnZ8cYb3H", ""},
		{"postman access token", "PMAT-7QM2VR9XK4PLW8TNZ3CYB5HSJ6", "PMAT-7QM2VR9XK4PLW8TNZ3CYB5HSJ6"},
		{"postman filler", "PMAT-AAAAAAAAAAAAAAAAAAAAAAAAAA", ""},
		{"image data under a mime type", `"image/png": "iVBORx09VIskhxhCe7sh03R1dnENPiB66xQSIZjEYN13vafX/MDAwMToPTwEV1TLG"`, ""},
		{"png key still a key", `png_api_key: "Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa"`, "Qm7vR2xK9pLw4TnZ8cYb3HsJ5dFa"},
		// URLs of any scheme; the user may be an e-mail address.
		{"smtp url, e-mail user", `smtp = "smtps://ops@example.org:Fq83JZsw@smtp.example.org:465"`, "Fq83JZsw"},
		{"custom scheme", "dbconnection://admin:Wd5fF2jE7q6a@db-host-local", "Wd5fF2jE7q6a"},
		{"url without password", "ssh://git@example.org:22/repo.git", ""},
		{"url password template", "smtps://ops:${SMTP_PASSWORD}@smtp.example.org", ""},
		// URL-encoded query inside another URL.
		{"encoded token parameter", "u=https://h.example/a%3Fts%3D1%26token%3Dh1d3Mq4ch534d801sl3jdk%26v%3D3", "h1d3Mq4ch534d801sl3jdk"},
		// Escaped checksum separator of Atlassian tokens.
		{"atlassian url-escaped", "ATATT3xFfGF0vNZ7oy6ON4KrWEzKEu96n-r2bCLOOcdOADizvJqPd89yKyP853uTZSflBi1Lk1zD460BqyMTa08VUEy8-oOzr1esg3j_mZKZwAELnRkCDTJZXhHsv5jaWHyAj4LRL-6h8LI-5MrYs4l7xXSaY8odQxDKJB4hDvdkmuh61xea2jE%3D00203E68", "ATATT3xFfGF0vNZ7oy6ON4KrWEzKEu96n-r2bCLOOcdOADizvJqPd89yKyP853uTZSflBi1Lk1zD460BqyMTa08VUEy8-oOzr1esg3j_mZKZwAELnRkCDTJZXhHsv5jaWHyAj4LRL-6h8LI-5MrYs4l7xXSaY8odQxDKJB4hDvdkmuh61xea2jE%3D00203E68"},
		{"atlassian truncated", "ATATT3xFfGF0vNZ7oy6ON4KrWEzKEu96n-r2bCLOOcdOADizvJqPd89yKyP853uTZSflBi1Lk1zD460%3D00203E68", ""},
		{"facebook token in a data uri", "data:image/jpg;base64,/9j/4AAQSkZJRg/EAACRvAWiwzR8rcXFsLiUH13ybj0tdEaNOOyOCeLr1Pimz063torSJYoIkhjXokahQPwFbHK3fcsQTyWsySxOY5EO5WU4INJpNWY4ycGpRep634M8YJ4gg8ichL", ""},
		{"facebook token", "fb_token=EAACRvAWiwzR8rcXFsLiUH13ybj0tdEaNOOyOCeLr1Pimz063torSJYoIkhjXokahQPwFbHK3fcsQTyWsySxOY5EO5WU4INJpNWY4ycGpRep634M8YJ4gg8ichL", "EAACRvAWiwzR8rcXFsLiUH13ybj0tdEaNOOyOCeLr1Pimz063torSJYoIkhjXokahQPwFbHK3fcsQTyWsySxOY5EO5WU4INJpNWY4ycGpRep634M8YJ4gg8ichL"},
	}
	checkFirstFinding(t, s, cases)
}

// FuzzFallbackLiteral checks that a fallback literal lies after the call
// start, inside the text, on one line.
func FuzzFallbackLiteral(f *testing.F) {
	f.Add(`"DB_PASSWORD", "Yt6vRq2p!m")`, 0)
	f.Add(`"PASSWORD") or "x1"`, 0)
	f.Add(`) ?? '`, 0)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		vs, ve, ok := fallbackLiteral(text, i)
		if !ok {
			return
		}
		if vs < i || ve > len(text) || vs > ve || strings.ContainsAny(text[vs:ve], "\n") {
			t.Fatalf("bad bounds %d:%d for %q at %d", vs, ve, text, i)
		}
		_ = htmlEntityEnd(text)
		_ = directive(text, i)
	})
}
