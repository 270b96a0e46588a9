import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, Registry } from './prometheus.ts';

describe('Prometheus registry', () => {
  it('renders labelled counters, gauges and cumulative histogram buckets', () => {
    const registry = new Registry();
    const counter = registry.add(new Counter('cq_commands_total', 'Commands.'));
    registry.add(new Gauge('cq_sockets_connected', 'Sockets.', () => 3));
    const histogram = registry.add(new Histogram('cq_append_seconds', 'Append.', [0.01, 0.1]));
    counter.inc({ type: 'clock.tick', result: 'ok' });
    counter.inc({ type: 'clock.tick', result: 'ok' });
    counter.inc({ type: 'say "hi"\n', result: 'invalid' });
    histogram.observe(0.005);
    histogram.observe(0.05);
    histogram.observe(2);
    const text = registry.render();
    expect(text).toContain('cq_commands_total{result="ok",type="clock.tick"} 2');
    expect(text).toContain('cq_commands_total{result="invalid",type="say \\"hi\\"\\n"} 1');
    expect(text).toContain('# TYPE cq_sockets_connected gauge\ncq_sockets_connected 3');
    expect(text).toContain('cq_append_seconds_bucket{le="0.01"} 1');
    expect(text).toContain('cq_append_seconds_bucket{le="0.1"} 2');
    expect(text).toContain('cq_append_seconds_bucket{le="+Inf"} 3');
    expect(text).toContain('cq_append_seconds_count 3');
    expect(text.endsWith('\n')).toBe(true);
  });
});
