package constraint

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Resolver looks up a host's addresses; *net.Resolver satisfies it and
// tests inject their own.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// URLChecker checks that a URL uses http or https, names an allowed host,
// and that neither the host nor any address it resolves to is internal
// (loopback, private, link-local, cloud metadata, unspecified, multicast).
type URLChecker struct {
	// Hosts are the allowed host names: "example.com" exactly, or
	// "*.example.com" for its subdomains. "*" allows any public host.
	Hosts []string
	// Resolver defaults to net.DefaultResolver.
	Resolver Resolver
	// Timeout bounds resolution; zero means one second.
	Timeout time.Duration
}

// metadataNames are cloud metadata host names refused before resolution.
var metadataNames = []string{"metadata.google.internal", "metadata", "metadata.azure.internal", "instance-data", "instance-data.ec2.internal"}

// Check returns nil when raw is acceptable.
func (c *URLChecker) Check(ctx context.Context, raw string) error {
	if strings.ContainsAny(raw, "\\\x00\r\n\t ") {
		return errors.New("URL contains a backslash, whitespace or control character")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("URL does not parse: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("URL scheme %q is not http or https", u.Scheme)
	}
	if u.User != nil {
		return errors.New("URL carries user information")
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "" {
		return errors.New("URL has no host")
	}
	if ip, ok := ParseHostIP(host); ok {
		if why := Internal(ip); why != "" {
			return fmt.Errorf("URL host %s is a %s address", host, why)
		}
		if !c.allowed(host) {
			return fmt.Errorf("URL host %s is not in the allowed hosts", host)
		}
		return nil
	}
	for _, m := range metadataNames {
		if host == m {
			return fmt.Errorf("URL host %s is a cloud metadata service", host)
		}
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return fmt.Errorf("URL host %s is loopback", host)
	}
	if !c.allowed(host) {
		return fmt.Errorf("URL host %s is not in the allowed hosts", host)
	}
	r := c.Resolver
	if r == nil {
		r = net.DefaultResolver
	}
	to := c.Timeout
	if to <= 0 {
		to = time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, to)
	defer cancel()
	addrs, err := r.LookupIPAddr(ctx, host)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return fmt.Errorf("%s resolves to no address", host)
	}
	for _, a := range addrs {
		ip, ok := netip.AddrFromSlice(a.IP)
		if !ok {
			return fmt.Errorf("%s resolves to an invalid address", host)
		}
		if why := Internal(ip); why != "" {
			return fmt.Errorf("%s resolves to %s, a %s address", host, ip.Unmap(), why)
		}
	}
	return nil
}

func (c *URLChecker) allowed(host string) bool {
	for _, h := range c.Hosts {
		h = strings.ToLower(strings.TrimSuffix(h, "."))
		switch {
		case h == "*":
			return true
		case strings.HasPrefix(h, "*."):
			if strings.HasSuffix(host, h[1:]) && len(host) > len(h)-1 {
				return true
			}
		case h == host:
			return true
		}
	}
	return false
}

// ParseHostIP parses a URL host as an IP address in every form a client
// library might accept: dotted quad, IPv6 (with or without brackets or a
// zone), and the inet_aton forms with fewer parts or octal, hex and
// decimal numbers ("2130706433", "0x7f.1", "0177.0.0.1").
func ParseHostIP(host string) (netip.Addr, bool) {
	h := strings.Trim(host, "[]")
	if a, err := netip.ParseAddr(h); err == nil {
		return a.WithZone(""), true
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var nums []uint64
	for _, p := range parts {
		n, ok := parseInetNum(p)
		if !ok {
			return netip.Addr{}, false
		}
		nums = append(nums, n)
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
		v |= n << (24 - 8*uint(i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*uint(5-len(nums))) {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

func parseInetNum(s string) (uint64, bool) {
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		base, s = 16, s[2:]
		if s == "" {
			return 0, true
		}
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	}
	n, err := strconv.ParseUint(s, base, 32)
	if err != nil {
		return 0, false
	}
	return n, true
}

var internalPrefixes = []struct {
	p   netip.Prefix
	why string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared (carrier-grade NAT, Alibaba metadata)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol (Oracle metadata)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
}

// Internal names the kind of internal address ip is, or "" for a public
// one. IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4
// address they carry.
func Internal(ip netip.Addr) string {
	ip = ip.WithZone("").Unmap()
	if ip.Is6() {
		b := ip.As16()
		nat64 := netip.MustParsePrefix("64:ff9b::/96")
		sixto4 := netip.MustParsePrefix("2002::/16")
		switch {
		case nat64.Contains(ip):
			return Internal(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixto4.Contains(ip):
			return Internal(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		case !ip.IsLoopback() && !ip.IsUnspecified() && netip.MustParsePrefix("::/96").Contains(ip):
			// Deprecated IPv4-compatible form, still honoured by some stacks.
			return Internal(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
	}
	switch {
	case ip.Is4() && ip == netip.AddrFrom4([4]byte{169, 254, 169, 254}),
		ip == netip.MustParseAddr("fd00:ec2::254"):
		return "cloud metadata"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsPrivate():
		return "private"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case ip.Is4() && ip == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "broadcast"
	}
	for _, p := range internalPrefixes {
		if p.p.Contains(ip) {
			return p.why
		}
	}
	return ""
}
