package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// FromFlags builds a configuration for flag mode:
//
//	warden serve --listen ADDR --upstream NAME=URL --upstream NAME=stdio:'CMD ARGS'
//
// Every other setting takes its secure default. An empty listen keeps the
// default address; no upstreams keeps the default example upstream. CMD is
// split into words like a POSIX shell would (see SplitCommand) but nothing
// is expanded. Problems name the flag they came from.
func FromFlags(listen string, upstreams []string) (*Config, error) {
	c := Default()
	src := &source{file: "command line", pos: map[string]pos{}, label: map[string]string{}}
	c.src = src
	var ps []Problem
	if listen != "" {
		c.Listen = listen
		src.label["listen"] = "--listen " + strconv.Quote(listen)
	}
	if len(upstreams) > 0 {
		c.Upstreams = nil
	}
	for _, flag := range upstreams {
		label := "--upstream " + strconv.Quote(flag)
		u, err := parseUpstreamFlag(flag)
		if err != nil {
			ps = append(ps, Problem{File: src.file, Field: label, Msg: err.Error()})
			continue
		}
		u.Timeout = c.Limits.RequestTimeout
		src.label[joinIndex("upstreams", len(c.Upstreams))] = label
		c.Upstreams = append(c.Upstreams, u)
	}
	for _, p := range c.validate() {
		if p.Field == "upstreams" && len(ps) > 0 {
			continue // every --upstream was malformed; already said so
		}
		ps = append(ps, p)
	}
	if len(ps) > 0 {
		return nil, &Error{Problems: ps}
	}
	return c, nil
}

func parseUpstreamFlag(s string) (Upstream, error) {
	var u Upstream
	u.setDefaults()
	name, target, ok := strings.Cut(s, "=")
	if !ok || name == "" || target == "" {
		return u, errors.New("expected NAME=URL or NAME=stdio:COMMAND")
	}
	u.Name = name
	if cmd, ok := strings.CutPrefix(target, "stdio:"); ok {
		words, err := SplitCommand(cmd)
		if err != nil {
			return u, fmt.Errorf("command: %w", err)
		}
		if len(words) == 0 {
			return u, errors.New("stdio: needs a command, as in NAME=stdio:'npx -y some-server'")
		}
		u.Command = words
		u.Transport = TransportStdio
		return u, nil
	}
	u.URL = target
	u.Transport = TransportStreamable
	return u, nil
}

// SplitCommand splits s into words the way a POSIX shell splits a simple
// command, without any expansion: blanks separate words; 'single quotes'
// keep everything literally; "double quotes" keep everything except that a
// backslash escapes \ " $ ` and newline; outside quotes a backslash escapes
// any character and backslash-newline is removed. $, *, ~ and the like are
// ordinary characters. Unterminated quotes and a trailing backslash are
// errors.
func SplitCommand(s string) ([]string, error) {
	var (
		words  []string
		cur    strings.Builder
		inWord bool
	)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case ch == '\\':
			if i+1 >= len(s) {
				return nil, errors.New("trailing backslash")
			}
			i++
			if s[i] != '\n' {
				cur.WriteByte(s[i])
				inWord = true
			}
		case ch == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unterminated single quote")
			}
			cur.WriteString(s[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case ch == '"':
			inWord = true
			closed := false
			for i++; i < len(s); i++ {
				c := s[i]
				if c == '"' {
					closed = true
					break
				}
				if c == '\\' && i+1 < len(s) && strings.IndexByte("\\\"$`\n", s[i+1]) >= 0 {
					i++
					if s[i] != '\n' {
						cur.WriteByte(s[i])
					}
					continue
				}
				cur.WriteByte(c)
			}
			if !closed {
				return nil, errors.New("unterminated double quote")
			}
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
