package gateway

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the gateway's Prometheus instruments. Each Gateway owns its
// own, registered on the registry it is given: no global state.
type Metrics struct {
	requests     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	verdicts     *prometheus.CounterVec
	upLatency    *prometheus.HistogramVec
	upstreamUpG  *prometheus.GaugeVec
	sessions     prometheus.Gauge
	auditErrors  prometheus.Counter
	transportErr *prometheus.CounterVec
}

// NewMetrics creates the instruments and registers them on reg (nil: not
// registered, for tests and embedded use).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warden_requests_total", Help: "Client requests handled, by method and outcome.",
		}, []string{"method", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "warden_request_duration_seconds", Help: "Time to answer a client request, by method.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"method"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warden_verdicts_total", Help: "Guard verdicts, by guard and action.",
		}, []string{"guard", "action"}),
		upLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "warden_upstream_duration_seconds", Help: "Upstream round-trip time, by upstream.",
			Buckets: prometheus.DefBuckets,
		}, []string{"upstream"}),
		upstreamUpG: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "warden_upstream_up", Help: "1 while the upstream is connected.",
		}, []string{"upstream"}),
		sessions:    prometheus.NewGauge(prometheus.GaugeOpts{Name: "warden_sessions", Help: "Live client sessions."}),
		auditErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "warden_audit_errors_total", Help: "Audit records that could not be written."}),
		transportErr: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "warden_transport_errors_total", Help: "Rejected client messages, by reason.",
		}, []string{"reason"}),
	}
	if reg != nil {
		reg.MustRegister(m.requests, m.latency, m.verdicts, m.upLatency, m.upstreamUpG, m.sessions, m.auditErrors, m.transportErr)
	}
	return m
}

func (m *Metrics) request(method string, ok bool, d time.Duration) {
	outcome := "ok"
	if !ok {
		outcome = "error"
	}
	if !knownMethod(method) {
		method = "other" // bounded label cardinality
	}
	m.requests.WithLabelValues(method, outcome).Inc()
	m.latency.WithLabelValues(method).Observe(d.Seconds())
}

func (m *Metrics) verdict(guard, action string) {
	m.verdicts.WithLabelValues(guard, action).Inc()
}

func (m *Metrics) upstreamLatency(name string, d time.Duration) {
	m.upLatency.WithLabelValues(name).Observe(d.Seconds())
}

func (m *Metrics) upstreamUp(name string, up bool) {
	v := 0.0
	if up {
		v = 1
	}
	m.upstreamUpG.WithLabelValues(name).Set(v)
}

// TransportError counts a rejected client message.
func (m *Metrics) TransportError(reason string) { m.transportErr.WithLabelValues(reason).Inc() }

func knownMethod(method string) bool {
	switch method {
	case "initialize", "ping", "server/discover", "tools/list", "tools/call", "prompts/list", "prompts/get",
		"resources/list", "resources/templates/list", "resources/read", "resources/subscribe",
		"resources/unsubscribe", "completion/complete", "logging/setLevel", "subscriptions/listen":
		return true
	}
	return false
}
