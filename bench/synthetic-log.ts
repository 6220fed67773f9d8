/**
 * A generated log for the streaming test and the benchmark: plain and JSON
 * lines from a few services, alternating, with one line in `every`
 * carrying the id that is looked for (the others carry ids that share its
 * prefix, so the byte search finds candidates that must be rejected too).
 *
 * @example
 * for (const chunk of syntheticLogChunks({ lines: 1000, id: 'req_a7f3c2d1' })) write(chunk);
 */
export interface SyntheticLogOptions {
  lines: number;
  id: string;
  /** One line in `every` matches (default 10,000). */
  every?: number;
  /** Lines per chunk (default 10,000). */
  chunkLines?: number;
}

const SERVICES = ['gateway', 'orders', 'inventory', 'payments'];

export function* syntheticLogChunks(options: SyntheticLogOptions): Generator<string> {
  const every = options.every ?? 10_000;
  const chunkLines = options.chunkLines ?? 10_000;
  const start = Date.UTC(2024, 0, 15, 10, 0, 0);
  let chunk: string[] = [];
  for (let index = 0; index < options.lines; index++) {
    const millis = start + index * 7;
    const id = index % every === every - 1 ? `${options.id}_${SERVICES[index % 4]}` : `req_${((index * 2654435761) >>> 0).toString(16).padStart(8, '0')}`;
    const service = SERVICES[index % 4]!;
    chunk.push(
      index % 2 === 0
        ? `${new Date(millis).toISOString().replace('T', ' ').slice(0, 23)} INFO [${service}] request_id=${id} handled GET /api/items/${index % 977} status=200 duration_ms=${index % 83}`
        : `{"level":30,"time":${millis},"name":"${service}","request_id":"${id}","msg":"handled request","path":"/api/items/${index % 977}","status":200}`,
    );
    if (chunk.length === chunkLines) {
      yield `${chunk.join('\n')}\n`;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield `${chunk.join('\n')}\n`;
}
