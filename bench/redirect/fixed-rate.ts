/**
 * Latency at a fixed request rate (open loop), the figure the p99 goals are judged on.
 *
 * Why not autocannon's: its 100 connections each send the next request as soon as the last is
 * answered, so at full speed its latency is how long a queue of 100 requests takes to drain
 * (the bare node:http server itself shows a p99 of 12–16 ms there), and its `overallRate` sends
 * each second's share in a burst at the start of the second, which is the same queue again.
 * Here requests fall due on a schedule (`rate` a second, spread evenly) whatever the answers do,
 * each goes out on an idle keep-alive connection, and its latency counts from the moment it was
 * due: a server that stalls is charged for the wait of every request due meanwhile (no
 * coordinated omission). Requests are prebuilt bytes and answers are parsed by autocannon's own
 * parser (http-parser-js), so the generator costs little next to node:http's client.
 */
import { connect, type Socket } from 'node:net';
import { HTTPParser } from 'http-parser-js';

/** One request of a plan: its path and, when it has its own, headers. */
export type PlannedRequest = { path: string; headers?: Record<string, string> };

export type FixedRatePlan = {
  url: string;
  /** Requests per second, spread evenly. */
  rate: number;
  seconds: number;
  /**
   * First the same schedule for this long, answered but not measured: the generator's own code
   * is still cold when it starts (compiling, growing its heap), and its pauses would be charged
   * to the server. Measured here: the bare server's p99 at 10,000 req/s over the first seconds
   * was 110–450 ms, over the following ones 12–35 ms.
   */
  warmUpSeconds: number;
  /** Keep-alive connections (a request due while all are busy waits, and that wait counts). */
  connections: number;
  headers: Record<string, string>;
  order: 'cycle' | 'random';
  requests: PlannedRequest[];
};

export type FixedRateResult = {
  rate: number;
  p50: number;
  p99: number;
  /** Redirects answered, the warm-up's included (every one of them is a click to count). */
  redirects: number;
  /** Answers that were not redirects. */
  wrongStatus: number;
  /** Requests whose connection failed before the answer (the server may have counted them). */
  unanswered: number;
};

type Answer = (connection: Connection, status: number) => void;

/** A keep-alive connection with at most one request in flight. */
class Connection {
  private readonly socket: Socket;
  private readonly parser = new HTTPParser(HTTPParser.RESPONSE);
  private status = 0;
  /** When the request in flight fell due (undefined: idle). */
  dueAt: number | undefined;
  lost = false;

  constructor(host: string, port: number, onAnswer: Answer, onLost: (c: Connection) => void) {
    this.socket = connect({ host, port, noDelay: true });
    this.parser[HTTPParser.kOnHeadersComplete] = (info) => {
      this.status = info.statusCode;
    };
    this.parser[HTTPParser.kOnMessageComplete] = () => onAnswer(this, this.status);
    this.socket.on('data', (chunk) => this.parser.execute(chunk));
    this.socket.on('error', () => onLost(this));
    this.socket.on('close', () => onLost(this));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('error', reject);
    });
  }

  send(bytes: Buffer, dueAt: number): void {
    this.dueAt = dueAt;
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.removeAllListeners('close');
    this.socket.destroy();
  }
}

function requestBytes(url: URL, plan: FixedRatePlan, planned: PlannedRequest): Buffer {
  const headers = { ...plan.headers, ...planned.headers, host: url.host };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.from(`GET ${planned.path} HTTP/1.1\r\n${lines.join('')}\r\n`, 'latin1');
}

export async function measureAtFixedRate(plan: FixedRatePlan): Promise<FixedRateResult> {
  const url = new URL(plan.url);
  const requests = plan.requests.map((planned) => requestBytes(url, plan, planned));
  const total = Math.round(plan.rate * (plan.warmUpSeconds + plan.seconds));
  const latencies: number[] = [];
  let redirects = 0;
  let wrongStatus = 0;
  let unanswered = 0;
  let finished = 0;
  /** Requests due before this are the warm-up's. */
  let measuredFrom = Infinity;
  let sent = 0;
  /** Due times of requests waiting for an idle connection, oldest first. */
  const waiting: number[] = [];
  const idle: Connection[] = [];
  let allAnswered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allAnswered = resolve));

  const pick = (index: number) =>
    plan.order === 'cycle'
      ? requests[index % requests.length]!
      : requests[Math.floor(Math.random() * requests.length)]!;
  const finish = () => {
    finished += 1;
    if (finished === total) allAnswered();
  };
  let alive = plan.connections;
  const sendOrWait = (dueAt: number) => {
    const connection = idle.pop();
    if (connection) connection.send(pick(sent++), dueAt);
    else if (alive > 0) waiting.push(dueAt);
    else {
      unanswered += 1;
      finish();
    }
  };
  const onAnswer: Answer = (connection, status) => {
    const dueAt = connection.dueAt!;
    if (dueAt >= measuredFrom) latencies.push(performance.now() - dueAt);
    if (status >= 300 && status < 400) redirects += 1;
    else wrongStatus += 1;
    connection.dueAt = undefined;
    idle.push(connection);
    finish();
    const next = waiting.shift();
    if (next !== undefined) sendOrWait(next);
  };
  const onLost = (connection: Connection) => {
    if (connection.lost) return;
    connection.lost = true;
    alive -= 1;
    if (idle.includes(connection)) idle.splice(idle.indexOf(connection), 1);
    if (connection.dueAt !== undefined) {
      unanswered += 1;
      finish();
    }
    // Without any connection left, what waits will never be sent.
    if (alive === 0) {
      for (; waiting.length > 0; waiting.pop()) {
        unanswered += 1;
        finish();
      }
    }
  };

  const host = url.hostname.replace(/^\[|\]$/g, '');
  const connections = Array.from(
    { length: plan.connections },
    () => new Connection(host, Number(url.port), onAnswer, onLost),
  );
  await Promise.all(connections.map((connection) => connection.connected()));
  idle.push(...connections);

  const startedAt = performance.now();
  measuredFrom = startedAt + plan.warmUpSeconds * 1000;
  let scheduled = 0;
  while (scheduled < total) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) * plan.rate) / 1000));
    for (; scheduled < due; scheduled += 1) sendOrWait(startedAt + (scheduled * 1000) / plan.rate);
    // Let answers in; the next turn sends whatever fell due meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
  for (const connection of connections) connection.close();

  latencies.sort((a, b) => a - b);
  const at = (share: number) =>
    latencies.length === 0
      ? NaN
      : latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]!;
  return {
    rate: plan.rate,
    p50: round(at(0.5)),
    p99: round(at(0.99)),
    redirects,
    wrongStatus,
    unanswered,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
