// Deterministic benchmark events shaped like the SDK's: UUIDv7-like ids, page context, properties.

const USERS = 5_000;

function messageId(connection: number, sequence: number, index: number): string {
  const ms = (Date.now()).toString(16).padStart(12, '0');
  const tail = `${connection.toString(16).padStart(4, '0')}${sequence.toString(16).padStart(8, '0')}${index.toString(16).padStart(4, '0')}`;
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(6, 16).padEnd(12, '0')}`;
}

export type BenchEvent = {
  type: 'track';
  messageId: string;
  event: string;
  userId: string;
  anonymousId: string;
  timestamp: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
};

/** `count` track events for connection `connection`'s `sequence`-th batch. */
export function createEvents(count: number, connection: number, sequence: number): BenchEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const user = (connection * 7919 + sequence * 31 + index) % USERS;
    return {
      type: 'track',
      messageId: messageId(connection, sequence, index),
      event: ['Project Created', 'Report Created', 'Teammate Invited', 'Dashboard Viewed'][index % 4]!,
      userId: `user-${user}`,
      anonymousId: `anon-${user}`,
      timestamp: new Date().toISOString(),
      properties: { projectId: `p-${sequence % 100}`, chartType: 'line', index },
      context: {
        page: { path: '/demo/projects', url: 'http://localhost:8787/demo/projects', title: 'Projects · Acme' },
        locale: 'en-US',
        library: { name: '@onward/sdk', version: '0.1.0' },
      },
    };
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
