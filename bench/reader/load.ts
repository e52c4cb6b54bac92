// The load generator, in a process of its own (pinned to its own core by reader.bench.ts):
// autocannon against one URL, then one JSON line with its figures and the CPU this process
// used, so a saturated generator shows instead of passing for a slow server.
import autocannon from 'autocannon';

const [url, connections, seconds] = [
  process.argv[2]!,
  Number(process.argv[3]),
  Number(process.argv[4]),
];

const startCpu = process.cpuUsage();
const startedAt = process.hrtime.bigint();
const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
const cpu = process.cpuUsage(startCpu);
const wallUs = Number(process.hrtime.bigint() - startedAt) / 1_000;

console.log(
  JSON.stringify({
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytesPerSecond: result.throughput.average,
    generatorCpu: (cpu.user + cpu.system) / wallUs,
  }),
);
