// Times in JSON answers: ISO-8601 strings, null where a time is unknown.

export function iso(t: number): string;
export function iso(t: number | null): string | null;
export function iso(t: number | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}
